package dev.siyu.identity;

import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's deterministic step finds the same persons in siyu and in recursive SQL.
 */
@IntegrationTest
class DeterministicScaleTests {

	@Autowired
	DeterministicScale scale;

	@Test
	void siyuAndTheRecursiveQueryFindThePersonsTheAccountsForm() {
		long expected = this.scale.prepare(3_000);
		try {
			assertThat(expected).isEqualTo(750 + 300 + 600);
			assertThat(this.scale.resolveInSiyu()).isEqualTo(expected);
			assertThat(this.scale.resolveInSql(60)).isEqualTo(expected);
		}
		finally {
			this.scale.drop();
		}
	}

}
