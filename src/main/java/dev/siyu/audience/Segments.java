package dev.siyu.audience;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.siyu.tags.TagCatalog;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who is in an expression, answered by either engine: how many, a page of them (in the
 * order of their person ids), or all of them.
 */
@Service
public class Segments {

	private final BitmapIndexes indexes;

	private final TagCatalog catalog;

	private final JdbcClient jdbc;

	Segments(BitmapIndexes indexes, TagCatalog catalog, JdbcClient jdbc) {
		this.indexes = indexes;
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	/** How many persons, which engine answered and how long it took. */
	public record Count(long count, double millis, Engine engine) {

	}

	public Count count(long scope, Expression expression, Engine engine) {
		Function<String, Long> tagIds = tagIds(scope);
		if (engine == Engine.BITMAP) {
			this.indexes.of(scope);
			long start = System.nanoTime();
			long count = this.indexes.count(scope, expression, tagIds);
			return new Count(count, millisSince(start), engine);
		}
		long start = System.nanoTime();
		SqlCompilation sql = new SqlCompilation(scope, this.indexes.today(), tagIds);
		String where = sql.where(expression);
		long count = this.jdbc.sql("select count(*) from " + SqlCompilation.FROM + " where " + where)
			.params(sql.params)
			.query(Long.class)
			.single();
		return new Count(count, millisSince(start), engine);
	}

	/**
	 * Person ids of the members from {@code offset}, at most {@code limit}, ascending.
	 */
	public List<Long> page(long scope, Expression expression, Engine engine, long offset, int limit) {
		Function<String, Long> tagIds = tagIds(scope);
		if (engine == Engine.SQL) {
			SqlCompilation sql = new SqlCompilation(scope, this.indexes.today(), tagIds);
			String where = sql.where(expression);
			return this.jdbc
				.sql("select p.id from " + SqlCompilation.FROM + " where " + where
						+ " order by p.id offset :offset limit :limit")
				.params(sql.params)
				.param("offset", offset)
				.param("limit", limit)
				.query(Long.class)
				.list();
		}
		RoaringBitmap members = this.indexes.members(scope, expression, tagIds);
		TenantIndex index = this.indexes.of(scope);
		List<Long> page = new ArrayList<>();
		if (offset >= members.getLongCardinality()) {
			return page;
		}
		PeekableIntIterator numbers = members.getIntIterator();
		numbers.advanceIfNeeded(members.select((int) offset));
		while (numbers.hasNext() && page.size() < limit) {
			page.add(index.personId(numbers.next()));
		}
		return page;
	}

	/** Every member's person id, ascending, from the bitmap engine. */
	public long[] members(long scope, Expression expression) {
		RoaringBitmap members = this.indexes.members(scope, expression, tagIds(scope));
		TenantIndex index = this.indexes.of(scope);
		long[] ids = new long[members.getCardinality()];
		int i = 0;
		for (PeekableIntIterator numbers = members.getIntIterator(); numbers.hasNext();) {
			ids[i++] = index.personId(numbers.next());
		}
		return ids;
	}

	/** Reads the scope's index again from PostgreSQL on its next use. */
	public void refresh(long scope) {
		this.indexes.drop(scope);
	}

	private Function<String, Long> tagIds(long scope) {
		return name -> this.catalog.idOf(scope, name)
			.orElseThrow(() -> new IllegalArgumentException("unknown tag '" + name + "'"));
	}

	private static double millisSince(long start) {
		return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
	}

}
