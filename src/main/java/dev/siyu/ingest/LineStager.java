package dev.siyu.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.function.UnaryOperator;

import dev.siyu.privacy.Masking;
import dev.siyu.privacy.PersonalData;
import dev.siyu.shared.ChineseAddress;
import dev.siyu.shared.PhoneNumber;

/**
 * Reads the rows of one file through its mapping, checks every value, and streams good
 * rows into the staging table while bad ones go to the error report with their row,
 * column and reason.
 */
final class LineStager {

	private static final HexFormat HEX = HexFormat.of();

	private static final char SEP = '\u001f';

	/** 1,024 recent values of each kind: enough for a repeat buyer's run of rows. */
	private static final int RECENT_SLOTS_LOG2 = 10;

	private final HeaderMatch match;

	private final Mapping mapping;

	private final int fileNo;

	private final String fileLabel;

	private final PersonalData personalData;

	private final ErrorReport errors;

	private final StatusVocabulary statuses;

	private final String zone;

	private final int slots;

	private final RepeatedOrders repeated;

	/**
	 * The identifiers recently read from each identifier column's cells, so a repeat
	 * buyer's phone is mostly blind-indexed and encrypted once.
	 */
	private final List<RecentValues<SeenCell>> identifierCells;

	/** Addresses recently split, by their text. */
	private final RecentValues<Place> places = new RecentValues<>(RECENT_SLOTS_LOG2);

	/** Receivers recently encrypted, by their text. */
	private final RecentValues<byte[]> receivers = new RecentValues<>(RECENT_SLOTS_LOG2);

	private final Map<String, Integer> lineKeysOfOrder = new HashMap<>();

	private final Utf8Buffer hashBytes = new Utf8Buffer();

	private final StringBuilder hashInput = new StringBuilder(512);

	private final Set<String> rejectedOrders = new HashSet<>();

	private final UnknownStatuses unknownStatuses;

	private String lastOrder = "";

	/**
	 * Tells apart the lines of an import in the order they were read, across its files.
	 */
	private long nextSeq;

	LineStager(HeaderMatch match, int fileNo, String fileLabel, PersonalData personalData, ErrorReport errors,
			int identifierSlots, RepeatedOrders repeated, UnknownStatuses unknownStatuses) {
		this.slots = identifierSlots;
		this.unknownStatuses = unknownStatuses;
		this.nextSeq = (long) fileNo << 40;
		this.repeated = repeated;
		this.match = match;
		this.mapping = match.mapping;
		this.fileNo = fileNo;
		this.fileLabel = fileLabel;
		this.personalData = personalData;
		this.errors = errors;
		this.statuses = new StatusVocabulary(this.mapping.statuses());
		this.zone = this.mapping.zone().getId();
		this.identifierCells = this.match.identifiers.stream()
			.map((bound) -> new RecentValues<SeenCell>(RECENT_SLOTS_LOG2))
			.toList();
	}

	/** Stages every row; returns the number of rows read (good and rejected). */
	long stage(Rows rows, CopyRows out, DoubleConsumer progress) throws IOException, SQLException {
		return read(rows, (line) -> line.stage(out, this.slots), out, progress);
	}

	/**
	 * Reads every row, handing each good order line to {@code lines} and writing each
	 * good item row to {@code items}; returns the number of rows read.
	 */
	long read(Rows rows, Lines lines, CopyRows items, DoubleConsumer progress) throws IOException, SQLException {
		long read = 0;
		while (rows.next()) {
			read++;
			Row row = new Row(rows);
			if (rows.cutOff()) {
				row.rejectCutOff(rows.header());
			}
			else if (rows.undecodable() >= 0) {
				row.rejectUndecodable(rows.header(), rows.undecodable());
			}
			else if (rows.unclosedQuote() >= 0) {
				row.rejectUnclosedQuote(rows.header(), rows.unclosedQuote());
			}
			else if (rows.spilledWidth() > 0) {
				row.rejectSpilled(rows.header().size(), rows.spilledWidth());
			}
			else if (row.namesakesAgree(rows.header())) {
				if (this.mapping.granularity() == Mapping.Granularity.ITEMS) {
					stageItem(row, items);
				}
				else {
					stageLine(row, lines);
				}
			}
			if ((read & 4095) == 0) {
				progress.accept(rows.progress());
			}
		}
		progress.accept(1.0);
		return read;
	}

	/**
	 * Orders with a rejected line: they are left out whole, so no order lands with lines
	 * missing.
	 */
	Set<String> rejectedOrders() {
		return this.rejectedOrders;
	}

	private boolean stageLine(Row row, Lines lines) throws SQLException {
		String orderNo = row.text(OrderField.ORDER_ID);
		if (!row.orderNumberUsable(orderNo)) {
			return false;
		}
		String created = row.time(OrderField.CREATED_AT);
		String paid = row.time(OrderField.PAID_AT);
		String completed = row.time(OrderField.COMPLETED_AT);
		String amount = row.amount(OrderField.AMOUNT);
		String freight = row.amount(OrderField.FREIGHT);
		String discount = row.amount(OrderField.DISCOUNT);
		String refund = row.amount(OrderField.REFUND);
		String unitPrice = row.amount(OrderField.UNIT_PRICE);
		String lineAmount = row.amount(OrderField.LINE_AMOUNT);
		String quantity = row.quantity(OrderField.QUANTITY);
		if (row.rejected) {
			return false;
		}
		if (created.isEmpty()) {
			created = paid;
		}
		if (created.isEmpty()) {
			return row.reject(this.match.has(OrderField.CREATED_AT) ? OrderField.CREATED_AT : OrderField.PAID_AT,
					"the order has no time: both the creation and the payment time are empty");
		}
		if (amount.isEmpty()) {
			if (!unitPrice.isEmpty() && !quantity.isEmpty()) {
				amount = new BigDecimal(unitPrice).multiply(new BigDecimal(quantity)).toPlainString();
			}
			else {
				return row.reject(OrderField.AMOUNT, "the amount is empty");
			}
		}
		String sku = row.text(OrderField.SKU);
		String title = row.text(OrderField.TITLE);
		String spec = row.text(OrderField.SPEC);
		String lineKey = lineKey(orderNo, row.text(OrderField.LINE_ID), sku, title, spec);
		String platformStatus = row.text(OrderField.STATUS);
		OrderStatus status = this.statuses.canonical(platformStatus);
		if (status == OrderStatus.OTHER) {
			this.unknownStatuses.see(platformStatus);
		}
		if (status == OrderStatus.CLOSED && !refund.isEmpty() && new BigDecimal(refund).signum() > 0) {
			status = OrderStatus.REFUNDED;
		}
		String receiverName = row.text(OrderField.RECEIVER_NAME);
		String receiverPhone = row.text(OrderField.RECEIVER_PHONE);
		if (receiverPhone.isEmpty()) {
			receiverPhone = row.text(OrderField.RECEIVER_LANDLINE);
		}
		Place place = place(row);
		ChineseAddress address = place.address();
		String fullAddress = place.full();
		String shopKey = row.text(OrderField.SHOP_ID);
		String shopName = row.text(OrderField.SHOP_NAME);
		if (shopKey.isEmpty()) {
			shopKey = shopName;
		}
		String accountKey = accountKey(row.text(OrderField.BUYER_ID), receiverName, receiverPhone, fullAddress);

		StringBuilder h = this.hashInput;
		h.setLength(0);
		h.append(orderNo)
			.append(SEP)
			.append(lineKey)
			.append(SEP)
			.append(accountKey)
			.append(SEP)
			.append(platformStatus)
			.append(SEP)
			.append(created)
			.append(SEP)
			.append(paid)
			.append(SEP)
			.append(completed)
			.append(SEP)
			.append(amount)
			.append(SEP)
			.append(freight)
			.append(SEP)
			.append(discount)
			.append(SEP)
			.append(refund)
			.append(SEP)
			.append(sku)
			.append(SEP)
			.append(title)
			.append(SEP)
			.append(spec)
			.append(SEP)
			.append(quantity)
			.append(SEP)
			.append(unitPrice)
			.append(SEP)
			.append(lineAmount)
			.append(SEP)
			.append(shopKey)
			.append(SEP)
			.append(shopName)
			.append(SEP)
			.append(receiverName)
			.append(SEP)
			.append(receiverPhone)
			.append(SEP)
			.append(fullAddress);
		for (OrderField field : new OrderField[] { OrderField.CREATOR_ID, OrderField.CREATOR_NAME,
				OrderField.TRAFFIC_SOURCE, OrderField.CHANNEL, OrderField.CATEGORY, OrderField.PRODUCT_ID }) {
			h.append(SEP).append(row.text(field));
		}

		Line.Identifier[] seen = new Line.Identifier[this.slots];
		if (accountKey != null) {
			for (int i = 0; i < this.match.identifiers.size(); i++) {
				HeaderMatch.BoundIdentifier bound = this.match.identifiers.get(i);
				String cell = row.filled(bound.index());
				if (!cell.isBlank()) {
					SeenCell read = this.identifierCells.get(i).of(cell, (text) -> seen(bound.kind(), text));
					if (read != null) {
						h.append(SEP).append(read.hashed());
						seen[i] = read.identifier();
					}
				}
			}
		}
		this.repeated.see((this.mapping.granularity() == Mapping.Granularity.ORDER) ? orderNo : orderNo + SEP + lineKey,
				orderNo);
		lines.accept(new Line(this.nextSeq++, this.fileNo, row.number, orderNo, lineKey, accountKey, status.code(),
				platformStatus, timestamp(created), timestamp(paid), timestamp(completed), amount, freight, discount,
				refund, sku, row.text(OrderField.PRODUCT_ID), title, spec, row.text(OrderField.CATEGORY), quantity,
				unitPrice, lineAmount, shopKey, shopName, row.text(OrderField.CREATOR_ID),
				row.text(OrderField.CREATOR_NAME), row.text(OrderField.TRAFFIC_SOURCE), row.text(OrderField.CHANNEL),
				address.province(), address.city(), address.district(),
				receiver(receiverName, receiverPhone, fullAddress),
				this.personalData.keyedDigest(this.hashBytes.bytes(), this.hashBytes.encode(h)), seen));
		return true;
	}

	private boolean stageItem(Row row, CopyRows out) throws SQLException {
		String orderNo = row.text(OrderField.ORDER_ID);
		if (!row.orderNumberUsable(orderNo)) {
			return false;
		}
		String quantity = row.quantity(OrderField.QUANTITY);
		String unitPrice = row.amount(OrderField.UNIT_PRICE);
		String lineAmount = row.amount(OrderField.LINE_AMOUNT);
		if (row.rejected) {
			return false;
		}
		if (quantity.isEmpty()) {
			return row.reject(OrderField.QUANTITY, "the quantity is empty");
		}
		String sku = row.text(OrderField.SKU);
		String title = row.text(OrderField.TITLE);
		String spec = row.text(OrderField.SPEC);
		if (sku.isEmpty() && title.isEmpty()) {
			return row.reject(OrderField.TITLE, "the item has neither a title nor a SKU");
		}
		String lineKey = lineKey(orderNo, row.text(OrderField.LINE_ID), sku, title, spec);
		String hash = orderNo + SEP + lineKey + SEP + quantity + SEP + unitPrice + SEP + lineAmount;
		out.number(this.fileNo).number(row.number).text(orderNo).text(lineKey).nullable(sku).nullable(title);
		out.nullable(spec).text(quantity).nullable(unitPrice).nullable(lineAmount);
		out.bytes(this.personalData.keyedDigest(hash.getBytes(StandardCharsets.UTF_8)));
		out.endRow();
		return true;
	}

	/**
	 * The identifier a cell shows, blind-indexed and encrypted; null if it shows none.
	 */
	private SeenCell seen(String kind, String cell) {
		IdentifierKinds.Identifier identifier = IdentifierKinds.read(kind, cell);
		if (identifier == null) {
			return null;
		}
		byte[] hash = this.personalData.blindIndex(identifier.kind(), identifier.value());
		byte[] cipher = null;
		if (identifier.strong() || IdentifierKinds.ATTRIBUTES.contains(identifier.kind())) {
			cipher = this.personalData.encrypt(identifier.value());
		}
		return new SeenCell(identifier.kind() + ':' + identifier.value(),
				new Line.Identifier(identifier.kind(), hash, cipher, identifier.masked(), identifier.strong()));
	}

	/**
	 * An identifier read from a cell: as the line's hash covers it, and as it is staged.
	 */
	private record SeenCell(String hashed, Line.Identifier identifier) {
	}

	/**
	 * The account of a buyer: the platform's buyer id when the export has one; otherwise
	 * the full mobile number, or failing that the receiver, identifies an anonymous buyer
	 * of this platform.
	 */
	private String accountKey(String buyerId, String name, String phone, String address) {
		if (!buyerId.isEmpty()) {
			return buyerId;
		}
		PhoneNumber number = PhoneNumber.parse(phone);
		if (number.kind() == PhoneNumber.Kind.MOBILE) {
			return "phone:" + HEX.formatHex(this.personalData.blindIndex("phone", number.normalized()));
		}
		if (name.isEmpty() && phone.isEmpty() && address.isEmpty()) {
			return null;
		}
		String receiver = name + SEP + phone + SEP + address;
		return "receiver:" + HEX.formatHex(this.personalData.keyedDigest(receiver.getBytes(StandardCharsets.UTF_8)));
	}

	private byte[] receiver(String name, String phone, String address) {
		if (name.isEmpty() && phone.isEmpty() && address.isEmpty()) {
			return null;
		}
		return this.receivers.of(name + SEP + phone + SEP + address, this.personalData::encrypt);
	}

	private Place place(Row row) {
		String full = row.text(OrderField.ADDRESS);
		if (!full.isEmpty()) {
			return this.places.of(full, (text) -> Place.of(ChineseAddress.parse(text)));
		}
		return Place.of(ChineseAddress.of(row.text(OrderField.PROVINCE), row.text(OrderField.CITY),
				row.text(OrderField.DISTRICT), row.text(OrderField.STREET), row.text(OrderField.ADDRESS_DETAIL)));
	}

	/** An address split into its levels, and written out whole. */
	private record Place(ChineseAddress address, String full) {

		static Place of(ChineseAddress address) {
			return new Place(address, address.full());
		}

	}

	/** Tells the lines of one order apart, so a re-import finds the same line again. */
	private String lineKey(String orderNo, String lineId, String sku, String title, String spec) {
		if (!lineId.isEmpty()) {
			return lineId;
		}
		if (this.mapping.granularity() == Mapping.Granularity.ORDER) {
			return "";
		}
		if (!orderNo.equals(this.lastOrder)) {
			this.lastOrder = orderNo;
			this.lineKeysOfOrder.clear();
		}
		String base = sku + SEP + title + SEP + spec;
		int occurrence = this.lineKeysOfOrder.merge(base, 1, Integer::sum);
		return (occurrence == 1) ? base : base + SEP + occurrence;
	}

	/** Takes each good order line of a file. */
	@FunctionalInterface
	interface Lines {

		void accept(Line line) throws SQLException;

	}

	/** A time with its UTC offset as it is; a local one in the mapping's time zone. */
	private String timestamp(String dateTime) {
		if (dateTime.isEmpty()) {
			return null;
		}
		return (dateTime.length() > 19) ? dateTime : dateTime + " " + this.zone;
	}

	/**
	 * The cells of the current row, read through the mapping, with the first problem
	 * remembered.
	 */
	private final class Row {

		private final Rows rows;

		final long number;

		boolean rejected;

		/** The cells read so far: a field and an identifier often share a column. */
		private final String[] cells;

		Row(Rows rows) {
			this.rows = rows;
			this.number = rows.rowNumber();
			this.cells = new String[rows.header().size()];
		}

		String cell(int index) {
			if (index >= this.cells.length) {
				return this.rows.cell(index);
			}
			String cell = this.cells[index];
			if (cell == null) {
				cell = this.rows.cell(index);
				this.cells[index] = cell;
			}
			return cell;
		}

		/**
		 * The cell, or where it is empty a namesake's: the header may name a column
		 * twice.
		 */
		String filled(int index) {
			String value = cell(index);
			if (value.isBlank()) {
				for (int[] pair : LineStager.this.match.namesakes) {
					if (pair[0] == index && !cell(pair[1]).isBlank()) {
						return cell(pair[1]);
					}
				}
			}
			return value;
		}

		String text(OrderField field) {
			int index = LineStager.this.match.index(field);
			if (index < 0) {
				return "";
			}
			String value = cell(index).trim();
			if (value.isEmpty()) {
				for (int standIn : LineStager.this.match.standIns(field)) {
					value = cell(standIn).trim();
					if (!value.isEmpty()) {
						break;
					}
				}
			}
			return value;
		}

		String time(OrderField field) {
			return read(field, Cells::dateTime, "is not a date-time (expected e.g. 2024-01-31 13:45:00)");
		}

		String amount(OrderField field) {
			return read(field, Cells::amount, "is not an amount (expected e.g. 1299.00)");
		}

		String quantity(OrderField field) {
			return read(field, Cells::quantity, "is not a whole number of items");
		}

		/**
		 * Whether the order number can be one; if not, the row is rejected saying why.
		 */
		boolean orderNumberUsable(String orderNo) {
			if (orderNo.isEmpty()) {
				return reject(OrderField.ORDER_ID, "the order number is empty");
			}
			if (isOrderNumberHeader(orderNo) && this.rows.repeatsHeader()) {
				return reject(OrderField.ORDER_ID,
						"this row repeats the header, as where exports were joined into one file: it is not an order"
								+ " and is left out");
			}
			if (Cells.isTotalLabel(orderNo)) {
				return reject(OrderField.ORDER_ID, "this is a total row, not an order: it is left out");
			}
			if (Cells.isScientific(orderNo)) {
				return reject(OrderField.ORDER_ID, "the order number was turned into scientific notation by a"
						+ " spreadsheet and has lost its last digits: import the file as the platform exported it,"
						+ " without saving it from a spreadsheet");
			}
			return true;
		}

		/** The cell read as a value, or "" with the row rejected when it is not one. */
		private String read(OrderField field, UnaryOperator<String> reader, String problem) {
			String cell = text(field);
			String value = reader.apply(cell);
			if (value == null) {
				reject(field, "'" + cell + "' " + problem);
				return "";
			}
			return value;
		}

		void rejectCutOff(List<String> header) {
			int last = header.size() - 1;
			while (last > 0 && this.rows.cell(last).isEmpty()) {
				last--;
			}
			reject(header.get(last), shownAt(last), "the file ends in the middle of this row, in column " + (last + 1)
					+ " of " + header.size() + ": it was cut off; download the export again");
		}

		/**
		 * Whether the columns the header names twice hold the same value; if not, the row
		 * is rejected, since which of them is right cannot be told.
		 */
		boolean namesakesAgree(List<String> header) {
			for (int[] pair : LineStager.this.match.namesakes) {
				String value = cell(pair[0]).trim();
				String other = cell(pair[1]).trim();
				if (!value.isEmpty() && !other.isEmpty() && !value.equals(other)) {
					return reject(header.get(pair[0]), shownAt(pair[0]) + " / " + shownAt(pair[1]),
							"columns " + (pair[0] + 1) + " and " + (pair[1] + 1) + " are both named '"
									+ header.get(pair[0]) + "' and hold different values, so which is right cannot"
									+ " be told: remove or rename one of them");
				}
			}
			return true;
		}

		private static String columnAt(List<String> header, int index) {
			return (index < header.size()) ? header.get(index) : "";
		}

		private boolean isOrderNumberHeader(String orderNo) {
			return orderNo.equals(LineStager.this.match.columnName(OrderField.ORDER_ID));
		}

		void rejectUndecodable(List<String> header, int index) {
			reject(columnAt(header, index), shownAt(index), "the cell in column " + (index + 1)
					+ " holds bytes that are not text in"
					+ " the file's encoding (shown as \uFFFD): the file mixes encodings or was damaged; save it in one"
					+ " encoding (UTF-8 or GBK) and import it again");
		}

		void rejectUnclosedQuote(List<String> header, int index) {
			String shown = shownAt(index);
			if (shown.length() > 60) {
				shown = shown.substring(0, 60) + "…";
			}
			reject(columnAt(header, index), shown, "the cell in column " + (index + 1)
					+ " opens with a quote (\") that is not closed"
					+ " where the cell ends; the quote was read as plain text so the cells after it stay in place,"
					+ " and this row is left out: remove the quote or close it, then import the file again");
		}

		void rejectSpilled(int columns, int width) {
			reject("", "", "the row has values in " + width + " columns but the header names " + columns
					+ ": a cell holds a delimiter that is not quoted, so the cells after it are shifted");
		}

		/** The cell at an index as the error report may show it. */
		private String shownAt(int index) {
			for (OrderField field : OrderField.values()) {
				if (LineStager.this.match.index(field) == index) {
					return shown(field, this.rows.cell(index));
				}
			}
			for (HeaderMatch.BoundIdentifier identifier : LineStager.this.match.identifiers) {
				if (identifier.index() == index) {
					return Masking.identifier(this.rows.cell(index));
				}
			}
			return this.rows.cell(index);
		}

		boolean reject(OrderField field, String reason) {
			return reject(LineStager.this.match.columnName(field), shown(field, text(field)), reason);
		}

		private boolean reject(String column, String shownValue, String reason) {
			if (!this.rejected) {
				this.rejected = true;
				String orderNo = text(OrderField.ORDER_ID);
				String why = reason + this.rows.shapeHint();
				if (!orderNo.isEmpty() && LineStager.this.mapping.granularity() != Mapping.Granularity.ORDER
						&& !Cells.isTotalLabel(orderNo) && !isOrderNumberHeader(orderNo)) {
					LineStager.this.rejectedOrders.add(orderNo);
					why = why + "; order " + orderNo + " is left out whole until this row is fixed";
				}
				LineStager.this.errors.reject(LineStager.this.fileLabel, this.number, column, shownValue, why);
			}
			return false;
		}

		private String shown(OrderField field, String value) {
			return switch (field) {
				case RECEIVER_NAME, RECEIVER_PHONE, RECEIVER_LANDLINE, ADDRESS, ADDRESS_DETAIL, STREET, EMAIL ->
					Masking.identifier(value);
				default -> value;
			};
		}

	}

}
