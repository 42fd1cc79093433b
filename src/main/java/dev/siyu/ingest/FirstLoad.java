package dev.siyu.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import javax.sql.DataSource;

import dev.siyu.identity.FirstAccounts;
import dev.siyu.identity.IdentityResolution;
import dev.siyu.privacy.PersonalData;
import dev.siyu.storage.BinaryCopy;
import dev.siyu.storage.TenantPartitions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The first import of a platform's order files into a tenant whose identity scope has no
 * accounts yet: the usual first step of a brand, and the biggest. Nothing is there to
 * compare with, so each order goes straight into {@code orders} with one COPY while it is
 * read, its buyer's account gathered in memory; the accounts are linked and written once
 * at the end. The outcome is the one the general path reaches; whenever that would need
 * more than this (an order seen twice, an existing graph), the load gives way to it
 * (decision 0076).
 */
final class FirstLoad {

	private static final String ORDER_COLUMNS = "tenant_id, platform, order_no, account_id, shop_id, status, "
			+ "platform_status, created_at, paid_at, completed_at, amount, freight, discount, refund, item_count, "
			+ "quantity, creator_id, creator_name, traffic_source, channel, province, city, district, receiver, "
			+ "content_hash, items_hash, first_import_id, last_import_id";

	/**
	 * Orders held back at most: beyond, the files repeat themselves at large and the
	 * general path, which sorts repeats out in the database, takes them.
	 */
	private static final int MAX_REPEATS = 10_000;

	private static final int ORDER_COLUMN_COUNT = ORDER_COLUMNS.split(",").length;

	/**
	 * From how many bytes of order files (about 40,000 Tmall orders) the tenant's rows go
	 * into partitions of its own (decision 0078); smaller loads gain too little from it.
	 */
	static final long OWN_PARTITIONS_FROM = 16L * 1024 * 1024;

	volatile long ownPartitionsFrom = OWN_PARTITIONS_FROM;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final PersonalData personalData;

	private final IdentityResolution identity;

	FirstLoad(JdbcClient jdbc, DataSource dataSource, PersonalData personalData, IdentityResolution identity) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.personalData = personalData;
		this.identity = identity;
	}

	/**
	 * Whether the files are of the kind a first load takes: order files, one row each,
	 * and item files (Taobao's ExportOrderDetailList) beside them.
	 */
	static boolean suits(Imports.Plan plan) {
		return plan.files().stream().anyMatch((file) -> granularity(file) == Mapping.Granularity.ORDER)
				&& plan.files().stream().noneMatch((file) -> granularity(file) == Mapping.Granularity.LINE);
	}

	private static Mapping.Granularity granularity(Imports.PlannedFile file) {
		return file.match().mapping.granularity();
	}

	/**
	 * Loads the files in the caller's transaction; throws {@link GivenWay} (before
	 * anything is announced) when the general path must do it instead.
	 */
	ImportResult load(Imports.Plan plan, long jobId, ErrorReport errors, ImportProgress progress) {
		long tenant = plan.tenant().id().value();
		String platform = plan.platform();
		FirstAccounts accounts = this.identity.firstAccounts(plan.tenant().identityScope(), platform)
			.orElseThrow(() -> new GivenWay("the identity scope has accounts"));
		boolean ordersBefore = this.jdbc
			.sql("select exists (select 1 from orders where tenant_id = ? and platform = ?)")
			.params(tenant, platform)
			.query(Boolean.class)
			.single();
		if (ordersBefore) {
			throw new GivenWay("the tenant has orders of " + platform);
		}
		Load load = new Load(tenant, platform, jobId, accounts, new Shops(tenant, platform));
		RepeatedOrders repeated = new RepeatedOrders();
		UnknownStatuses unknownStatuses = new UnknownStatuses();
		int identifierSlots = 0;
		for (Imports.PlannedFile file : plan.files()) {
			identifierSlots = Math.max(identifierSlots, file.match().identifiers.size());
		}
		OrderMerge merge = new OrderMerge(this.jdbc, tenant, plan.tenant().identityScope().value(), platform, jobId);
		long rows = 0;
		int fileCount = plan.files().size();
		TenantPartitions partitions;
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			long orderBytes = plan.files()
				.stream()
				.filter((file) -> granularity(file) == Mapping.Granularity.ORDER)
				.mapToLong(Imports.PlannedFile::bytes)
				.sum();
			partitions = (orderBytes >= this.ownPartitionsFrom) ? new TenantPartitions(connection)
					: TenantPartitions.none(connection);
			load.target = partitions.target("orders", tenant);
			Items items = stageItems(plan, connection, merge, errors, unknownStatuses, progress);
			rows += items.rows;
			load.replaced += items.repeated;
			load.items = items.ofOrders;
			int fileNo = 0;
			for (Imports.PlannedFile file : plan.files()) {
				int current = fileNo++;
				String label = file.label();
				if (granularity(file) == Mapping.Granularity.ITEMS) {
					continue;
				}
				LineStager stager = new LineStager(file.match(), current, label, this.personalData, errors,
						identifierSlots, repeated, unknownStatuses);
				try (Rows table = file.opener().open();
						BinaryCopy orders = BinaryCopy.into(connection, load.target + " (" + ORDER_COLUMNS + ")")) {
					rows += stager.read(table, (line) -> {
						if (items.leftOut.contains(line.orderNo())) {
							return;
						}
						if (repeated.suspects().contains(line.orderNo())) {
							load.holdBack(line);
						}
						else {
							load.write(orders, line);
						}
					}, null, (fraction) -> progress.report(0.8 * (current + fraction) / fileCount, "reading " + label));
					orders.finish();
				}
				catch (IOException ex) {
					throw new UncheckedIOException("cannot read " + label + ": " + ex.getMessage(), ex);
				}
			}
			load.writeHeldBack(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot load the orders: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
		load.shops.write();
		progress.report(0.85, "linking identities");
		linkWhileAttachingOrders(accounts, partitions).write("import:" + jobId, partitions);
		attach(partitions);
		long itemRows = 0;
		if (load.items != null) {
			progress.report(0.95, "merging items");
			itemRows = mergeItems(plan, merge, errors, tenant, platform);
		}
		progress.report(1.0, "done");
		return new ImportResult(jobId, rows, load.written, 0, 0, errors.count(), load.replaced, itemRows, errors.path(),
				unknownStatuses.rows());
	}

	/**
	 * Links the accounts on a thread of their own while PostgreSQL attaches the orders'
	 * partition, building its indexes: the one is work for the JVM, the other for the
	 * database. The graph's partitions are made first, so the attach locks them too.
	 */
	private static FirstAccounts.Linked linkWhileAttachingOrders(FirstAccounts accounts, TenantPartitions partitions) {
		try {
			accounts.claimTables(partitions);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot make the tenant's partitions: " + ex.getMessage(), ex);
		}
		FutureTask<FirstAccounts.Linked> linking = new FutureTask<>(accounts::link);
		new Thread(linking, "siyu-linking").start();
		try {
			partitions.attach("orders");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot attach the tenant's partitions: " + ex.getMessage(), ex);
		}
		try {
			return linking.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while linking the accounts", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException("cannot link the accounts: " + ex.getCause().getMessage(), ex.getCause());
		}
	}

	private static void attach(TenantPartitions partitions) {
		try {
			partitions.attach();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot attach the tenant's partitions: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Stages the item files first, as the general path does, and reads each order's item
	 * count and items hash, so every order is written with them once.
	 */
	private Items stageItems(Imports.Plan plan, Connection connection, OrderMerge merge, ErrorReport errors,
			UnknownStatuses unknownStatuses, ImportProgress progress) throws SQLException {
		if (plan.files().stream().noneMatch((file) -> granularity(file) == Mapping.Granularity.ITEMS)) {
			return new Items(0, 0, null, Set.of());
		}
		this.jdbc.sql(new StagingTables(0).create()).update();
		Set<String> rejectedOrders = new HashSet<>();
		long rows = 0;
		int fileCount = plan.files().size();
		for (int fileNo = 0; fileNo < fileCount; fileNo++) {
			Imports.PlannedFile file = plan.files().get(fileNo);
			if (granularity(file) != Mapping.Granularity.ITEMS) {
				continue;
			}
			int current = fileNo;
			LineStager stager = new LineStager(file.match(), current, file.label(), this.personalData, errors, 0,
					new RepeatedOrders(), unknownStatuses);
			try (Rows table = file.opener().open();
					CopyRows copy = new CopyRows(connection, "stg_item", StagingTables.ITEM_COLUMNS)) {
				rows += stager.read(table, (line) -> {
				}, copy, (fraction) -> progress.report(0.8 * (current + fraction) / fileCount,
						"reading " + file.label()));
				copy.finish();
				rejectedOrders.addAll(stager.rejectedOrders());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read " + file.label() + ": " + ex.getMessage(), ex);
			}
		}
		if (!rejectedOrders.isEmpty()) {
			this.jdbc.sql("delete from stg_item where order_no = any(?)")
				.param(rejectedOrders.toArray(String[]::new))
				.update();
		}
		long repeated = merge.stageItems();
		Map<String, ItemsOfOrder> ofOrders = new HashMap<>();
		this.jdbc.sql("select order_no, item_count, items_hash from item_agg").query((rs) -> {
			ofOrders.put(rs.getString(1), new ItemsOfOrder(rs.getInt(2), rs.getBytes(3)));
		});
		checkMemory(ofOrders.size() * 200L);
		return new Items(rows, repeated, ofOrders, rejectedOrders);
	}

	/**
	 * Writes the items of the orders just loaded, after reporting those of orders the
	 * files do not have.
	 */
	private long mergeItems(Imports.Plan plan, OrderMerge merge, ErrorReport errors, long tenant, String platform) {
		this.jdbc
			.sql("insert into merged_order select id, order_no, true from orders where tenant_id = ? and platform = ?")
			.params(tenant, platform)
			.update();
		this.jdbc.sql("analyze merged_order").update();
		return merge.mergeItems(errors, (file) -> plan.files().get(file).label());
	}

	/**
	 * The rows of the item files, how many of them repeated, each order's items, and the
	 * orders left out whole for a rejected item row.
	 */
	private record Items(long rows, long repeated, Map<String, ItemsOfOrder> ofOrders, Set<String> leftOut) {
	}

	/** How many items an order has, and the hash of them. */
	private record ItemsOfOrder(int count, byte[] hash) {
	}

	/** The orders of one first load as they are written, and those held back. */
	private final class Load {

		private final long tenant;

		private final String platform;

		private final long jobId;

		private final FirstAccounts accounts;

		private final Shops shops;

		private final Map<String, Repeat> heldBack = new HashMap<>();

		private long written;

		/** Rows a later row of the same order replaced. */
		private long replaced;

		/** The items of each order, when the import has item files. */
		private Map<String, ItemsOfOrder> items;

		private final StagedTimes times = new StagedTimes();

		/**
		 * Where the orders are copied: {@code orders}, or the tenant's partition of it.
		 */
		private String target = "orders";

		Load(long tenant, String platform, long jobId, FirstAccounts accounts, Shops shops) {
			this.tenant = tenant;
			this.platform = platform;
			this.jobId = jobId;
			this.accounts = accounts;
			this.shops = shops;
		}

		/**
		 * Keeps the last version of an order that may have been seen before (the stager's
		 * filter cannot tell a repeat from a rare false alarm) until the end.
		 */
		void holdBack(Line line) {
			if (this.heldBack.size() >= MAX_REPEATS && !this.heldBack.containsKey(line.orderNo())) {
				throw new GivenWay("more than " + MAX_REPEATS + " orders are in the files more than once");
			}
			Repeat before = this.heldBack.get(line.orderNo());
			this.heldBack.put(line.orderNo(), new Repeat(line, (before != null) ? before.versions + 1 : 1));
		}

		/**
		 * Writes the orders held back: those loaded from an earlier row count as
		 * repeated, the others are loaded in their last version.
		 */
		void writeHeldBack(Connection connection) throws SQLException {
			if (this.heldBack.isEmpty()) {
				return;
			}
			Set<String> loaded = alreadyLoaded(this.target, this.tenant, this.platform, this.heldBack);
			try (BinaryCopy orders = BinaryCopy.into(connection, this.target + " (" + ORDER_COLUMNS + ")")) {
				for (Repeat repeat : this.heldBack.values()) {
					if (loaded.contains(repeat.last.orderNo())) {
						this.replaced += repeat.versions;
					}
					else {
						write(orders, repeat.last);
						this.replaced += repeat.versions - 1;
					}
				}
				orders.finish();
			}
		}

		void write(BinaryCopy out, Line line) throws SQLException {
			Long account = null;
			if (line.accountKey() != null) {
				account = this.accounts.account(line.accountKey());
				for (Line.Identifier identifier : line.identifiers()) {
					if (identifier != null) {
						this.accounts.identifier(line.accountKey(), identifier.kind(), identifier.hash(),
								identifier.cipher(), identifier.masked(), identifier.strong());
					}
				}
			}
			Long shop = line.shopKey().isEmpty() ? null : this.shops.id(line.shopKey(), line.shopName());
			ItemsOfOrder ofOrder = (this.items != null) ? this.items.get(line.orderNo()) : null;
			out.row(ORDER_COLUMN_COUNT).int8(this.tenant).text(this.platform).text(line.orderNo());
			optionalId(out, account);
			optionalId(out, shop);
			out.text(line.status()).nullable(line.platformStatus());
			time(out, line.createdAt());
			time(out, line.paidAt());
			time(out, line.completedAt());
			out.numeric(line.amount());
			optionalNumeric(out, line.freight());
			optionalNumeric(out, line.discount());
			out.numeric(line.refund().isEmpty() ? "0" : line.refund());
			out.int4((ofOrder != null) ? ofOrder.count : 0);
			out.int4(line.quantity().isEmpty() ? 0 : quantity(line.quantity()));
			out.nullable(line.creatorId()).nullable(line.creatorName()).nullable(line.trafficSource());
			out.nullable(line.channel()).nullable(line.province()).nullable(line.city()).nullable(line.district());
			out.bytes(line.receiver()).bytes(line.lineHash()).bytes((ofOrder != null) ? ofOrder.hash : null);
			out.int8(this.jobId).int8(this.jobId);
			if ((++this.written & 0xFFFF) == 0) {
				checkMemory(this.accounts.approximateBytes() + ((this.items != null) ? this.items.size() * 200L : 0));
			}
		}

		private void time(BinaryCopy out, String staged) throws SQLException {
			if (staged == null || staged.isEmpty()) {
				out.nothing();
				return;
			}
			long micros = this.times.epochMicros(staged);
			if (micros == Long.MIN_VALUE) {
				throw new GivenWay("the time " + staged + " falls in a daylight-saving change");
			}
			out.timestamp(micros);
		}

	}

	private static void optionalId(BinaryCopy out, Long id) throws SQLException {
		if (id == null) {
			out.nothing();
		}
		else {
			out.int8(id);
		}
	}

	private static void optionalNumeric(BinaryCopy out, String decimal) throws SQLException {
		if (decimal == null || decimal.isEmpty()) {
			out.nothing();
		}
		else {
			out.numeric(decimal);
		}
	}

	private static int quantity(String quantity) {
		long value = Long.parseLong(quantity);
		if (value != (int) value) {
			throw new GivenWay("the quantity " + quantity + " is out of range");
		}
		return (int) value;
	}

	/**
	 * The held-back orders already loaded from an earlier row: each must be the same
	 * order again, since an order that changed within the files needs the general path to
	 * replace it and its buyer's identifiers.
	 */
	private Set<String> alreadyLoaded(String table, long tenant, String platform, Map<String, Repeat> repeats) {
		Set<String> loaded = new HashSet<>();
		this.jdbc.sql("""
				select order_no, content_hash from %s
				where tenant_id = ? and platform = ? and order_no = any(?)""".formatted(table))
			.params(tenant, platform, repeats.keySet().toArray(String[]::new))
			.query((rs) -> {
				Repeat repeat = repeats.get(rs.getString(1));
				if (!Arrays.equals(rs.getBytes(2), repeat.last.lineHash())) {
					throw new GivenWay("order " + repeat.last.orderNo() + " is in the files twice, changed");
				}
				loaded.add(rs.getString(1));
			});
		return loaded;
	}

	/**
	 * The shops of the platform: known ones by key, new ones given an id from the
	 * sequence when first seen (the connection being busy copying) and inserted after.
	 */
	private final class Shops {

		private final long tenant;

		private final String platform;

		private final Map<String, Long> ids = new HashMap<>();

		private final Map<String, String> added = new HashMap<>();

		Shops(long tenant, String platform) {
			this.tenant = tenant;
			this.platform = platform;
			FirstLoad.this.jdbc.sql("select shop_key, id from shop where tenant_id = ? and platform = ?")
				.params(tenant, platform)
				.query((rs) -> {
					this.ids.put(rs.getString(1), rs.getLong(2));
				});
		}

		long id(String key, String name) throws SQLException {
			Long id = this.ids.get(key);
			if (id == null) {
				try (Connection connection = FirstLoad.this.dataSource.getConnection();
						PreparedStatement next = connection
							.prepareStatement("select nextval(pg_get_serial_sequence('shop', 'id'))");
						ResultSet rs = next.executeQuery()) {
					rs.next();
					id = rs.getLong(1);
				}
				this.ids.put(key, id);
				this.added.put(key, null);
			}
			if (!name.isEmpty() && this.added.containsKey(key) && this.added.get(key) == null) {
				this.added.put(key, name);
			}
			return id;
		}

		void write() {
			this.added.forEach((key, name) -> FirstLoad.this.jdbc.sql("""
					insert into shop (id, tenant_id, platform, shop_key, name) overriding system value
					values (?, ?, ?, ?, ?)""")
				.params(this.ids.get(key), this.tenant, this.platform, key, name)
				.update());
		}

	}

	/**
	 * Gives way when what a first load keeps in memory would take more than half the
	 * heap: the general path keeps its work in the database.
	 */
	private static void checkMemory(long bytes) {
		if (bytes > Runtime.getRuntime().maxMemory() / 2) {
			throw new GivenWay(
					"the accounts of the files would take " + bytes / (1024 * 1024) + " MB, more than half the heap");
		}
	}

	/** The last version of an order held back, and how many versions were seen. */
	private record Repeat(Line last, int versions) {
	}

	/** The files need the general path; the transaction is rolled back. */
	static final class GivenWay extends RuntimeException {

		GivenWay(String reason) {
			super(reason);
		}

	}

}
