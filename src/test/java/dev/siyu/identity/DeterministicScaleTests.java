package dev.siyu.identity;

import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's deterministic step finds the persons the generator built, in siyu and
 * in recursive SQL, and keeps the shop phones from linking strangers.
 */
@IntegrationTest
class DeterministicScaleTests {

	@Autowired
	DeterministicScale scale;

	@Test
	void siyuAndTheRecursiveQueryFindThePersonsTheAccountsForm() {
		DeterministicScale.Truth truth = this.scale.prepare(20_000, 3);
		try {
			assertThat(truth.identifiers()).isEqualTo(60_000);
			assertThat(truth.hubs()).isPositive();
			assertThat(truth.persons()).isBetween(10_000L, 15_000L);

			DeterministicScale.Resolved resolved = this.scale.resolveInSiyu();

			assertThat(resolved.persons()).isEqualTo(truth.persons());
			assertThat(resolved.hubs()).isEqualTo(truth.hubs());
			assertThat(this.scale.persons()).isEqualTo(truth.persons());
			assertThat(resolved.accountsMoved()).isEqualTo(20_000 - truth.persons());
			this.scale.indexForSql();
			assertThat(this.scale.resolveInSql(120)).isEqualTo(truth.persons());
		}
		finally {
			this.scale.drop();
		}
	}

}
