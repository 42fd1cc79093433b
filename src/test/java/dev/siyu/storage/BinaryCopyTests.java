package dev.siyu.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class BinaryCopyTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void decimalsArriveAsPostgresqlReadsThemFromText() {
		List<String> decimals = new ArrayList<>(List.of("0", "0.00", "-0.00", "1299.00", "12345.67", "-12345.6", ".5",
				"0.0005", "0.004", "0.005", "99999999.995", "000120.10", "1", "10000", "100000000", "7.1"));
		SplittableRandom random = new SplittableRandom(5);
		for (int i = 0; i < 2000; i++) {
			String integer = Long.toString(random.nextLong(1_000_000_000_000L) >> random.nextInt(40));
			String fraction = switch (random.nextInt(4)) {
				case 0 -> "";
				case 1 -> "." + random.nextInt(10);
				case 2 -> "." + String.format("%02d", random.nextInt(100));
				default -> "." + String.format("%03d", random.nextInt(1000));
			};
			decimals.add((random.nextInt(5) == 0 ? "-" : "") + integer + fraction);
		}

		List<Boolean> same = this.transactions.execute((status) -> {
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			try (Statement statement = connection.createStatement()) {
				statement
					.execute("create temp table copied (n int, text_form text, value numeric(14, 2)) on commit drop");
				try (BinaryCopy rows = BinaryCopy.into(connection, "copied (n, text_form, value)")) {
					for (int i = 0; i < decimals.size(); i++) {
						rows.row(3).int4(i).text(decimals.get(i)).numeric(decimals.get(i));
					}
					rows.finish();
				}
				return this.jdbc
					.sql("select value is not distinct from text_form::numeric(14, 2)"
							+ " and value::text = text_form::numeric(14, 2)::text from copied order by n")
					.query(Boolean.class)
					.list();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});

		assertThat(same).hasSize(decimals.size()).containsOnly(true);
	}

	@Test
	void textsAndBytesLongerThanTheBufferArriveWhole() {
		String text = "王芳".repeat(400_000);
		byte[] bytes = new byte[1_500_000];
		new SplittableRandom(3).nextBytes(bytes);
		Object[] row = this.transactions.execute((status) -> {
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			try (Statement statement = connection.createStatement()) {
				statement.execute("create temp table copied (note text, data bytea) on commit drop");
				try (BinaryCopy copy = BinaryCopy.into(connection, "copied (note, data)")) {
					copy.row(2).text(text).bytes(bytes);
					copy.row(2).text("short").bytes(new byte[] { 1 });
					copy.finish();
				}
				return this.jdbc.sql("select note, data from copied order by length(note) desc limit 1")
					.query((rs, n) -> new Object[] { rs.getString(1), rs.getBytes(2) })
					.single();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});

		assertThat(row[0]).isEqualTo(text);
		assertThat((byte[]) row[1]).isEqualTo(bytes);
	}

	@Test
	void timestampsAndTextsArriveAsTheyWereWritten() {
		List<String> texts = List.of("王芳", "𠀀 and 😀", "plain", "", "lone \ud800 surrogate");
		List<Object[]> rows = this.transactions.execute((status) -> {
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			try (Statement statement = connection.createStatement()) {
				statement.execute("create temp table copied (n int, at timestamptz, note text) on commit drop");
				try (BinaryCopy copy = BinaryCopy.into(connection, "copied (n, at, note)")) {
					for (int i = 0; i < texts.size(); i++) {
						copy.row(3).int4(i).timestamp(1_704_427_200_000_000L + i).text(texts.get(i));
					}
					copy.finish();
				}
				return this.jdbc
					.sql("select extract(epoch from at at time zone 'UTC' at time zone 'UTC') * 1000000, note"
							+ " from copied order by n")
					.query((rs, n) -> new Object[] { rs.getBigDecimal(1).longValueExact(), rs.getString(2) })
					.list();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});

		for (int i = 0; i < texts.size(); i++) {
			assertThat(rows.get(i)[0]).isEqualTo(1_704_427_200_000_000L + i);
			assertThat(rows.get(i)[1]).isEqualTo(texts.get(i).replace("\ud800", "?"));
		}
	}

}
