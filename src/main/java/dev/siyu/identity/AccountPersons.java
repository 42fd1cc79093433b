package dev.siyu.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Accounts and their current persons streamed from a query into dense numbers and a
 * primitive array (0 for an account without a person).
 */
record AccountPersons(AccountIndex index, long[] persons) {

	/** Streams {@code (account_id, person_id)} rows of a query. */
	static AccountPersons read(Connection connection, String query, int expected) throws SQLException {
		AccountIndex index = new AccountIndex(Math.max(16, expected));
		long[] persons = new long[Math.max(16, expected)];
		try (CopyRows rows = CopyRows.of(connection, query)) {
			while (rows.next()) {
				int i = index.indexOf(rows.number());
				if (i == persons.length) {
					persons = Arrays.copyOf(persons, i * 2);
				}
				persons[i] = rows.number();
			}
		}
		return new AccountPersons(index, Arrays.copyOf(persons, index.size()));
	}

}
