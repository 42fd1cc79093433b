package dev.siyu.wecom;

import java.util.ArrayList;
import java.util.List;

import dev.siyu.shared.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReachChangesTests {

	final List<Object> published = new ArrayList<>();

	final ReachChanges changes = new ReachChanges(this.published::add);

	@Test
	void aBurstOfChangesIsOneEventPerTenant() {
		for (int i = 0; i < 2_000; i++) {
			this.changes.changed(new TenantId(1 + i % 2));
		}
		this.changes.publish();
		assertThat(this.published).hasSize(2)
			.extracting(event -> ((ReachChanged) event).tenant())
			.containsExactlyInAnyOrder(new TenantId(1), new TenantId(2));
	}

	@Test
	void nothingIsPublishedWithoutAChangeSinceTheLastPublication() {
		this.changes.changed(new TenantId(1));
		this.changes.publish();
		this.changes.publish();
		assertThat(this.published).hasSize(1);
	}

	@Test
	void theEventCarriesTheTimeOfTheLastChange() throws InterruptedException {
		this.changes.changed(new TenantId(1));
		java.time.Instant first = java.time.Instant.now();
		Thread.sleep(5);
		this.changes.changed(new TenantId(1));
		this.changes.publish();
		assertThat(((ReachChanged) this.published.get(0)).lastChange()).isAfter(first);
	}

}
