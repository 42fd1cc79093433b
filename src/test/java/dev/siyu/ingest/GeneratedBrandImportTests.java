package dev.siyu.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.siyu.shared.TenantId;
import dev.siyu.synthetic.GenerationRequest;
import dev.siyu.synthetic.Manifest;
import dev.siyu.synthetic.ManifestFile;
import dev.siyu.synthetic.SyntheticBrand;
import dev.siyu.tenant.Tenants;
import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on a generated brand: every platform's exports land whole, and deterministic
 * One ID agrees with the generator's truth (pairs of orders of one person).
 */
@IntegrationTest
class GeneratedBrandImportTests {

	@Autowired
	Imports imports;

	@Autowired
	Tenants tenants;

	@Autowired
	TenantStatistics statistics;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void everyPlatformsExportsLandWholeAndOneIdAgreesWithTheTruth() throws IOException {
		Manifest manifest = SyntheticBrand.generate(GenerationRequest.of(3000, 11, this.dir), null);
		TenantId tenant = this.tenants.create("t-" + UUID.randomUUID().toString().substring(0, 8), null).tenant().id();

		long rejected = 0;
		for (List<ManifestFile> group : manifest.imports()) {
			ManifestFile first = group.get(0);
			List<Path> files = group.stream().map(file -> this.dir.resolve(file.path())).toList();
			Path mapping = (first.mapping() != null) ? this.dir.resolve(first.mapping()) : null;
			rejected += this.imports.importFiles(tenant, first.source(), mapping, files, ImportProgress.NONE)
				.rejected();
		}

		assertThat(rejected).isZero();
		TenantStatistics.Counts counts = this.statistics.of(tenant);
		assertThat(counts.orders()).isEqualTo(manifest.orders());
		assertThat(counts.orderItems()).isEqualTo(manifest.orderLines());
		PairAgreement agreement = agreement(tenant, this.dir.resolve(manifest.truth()));
		assertThat(agreement.precision()).as("share of linked order pairs that are one true person")
			.isGreaterThan(0.995);
		assertThat(agreement.recall()).as("share of true order pairs linked deterministically").isGreaterThan(0.7);
		assertThat(counts.persons()).isGreaterThanOrEqualTo(agreement.truePersons());
	}

	private PairAgreement agreement(TenantId tenant, Path truthFile) throws IOException {
		Map<String, Long> siyuPersonOfOrder = new HashMap<>();
		this.jdbc
			.sql("select o.platform, o.order_no, a.person_id from orders o join account a on a.id = o.account_id "
					+ "where o.tenant_id = ?")
			.param(tenant.value())
			.query(rs -> {
				siyuPersonOfOrder.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
			});
		Map<String, Long> bothCounts = new HashMap<>();
		Map<Long, Long> siyuCounts = new HashMap<>();
		Map<String, Long> truthCounts = new HashMap<>();
		List<String> lines = new ArrayList<>(Files.readAllLines(truthFile, StandardCharsets.UTF_8));
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			Long siyu = siyuPersonOfOrder.get(cells[0] + "/" + cells[1]);
			assertThat(siyu).as("order %s/%s imported", cells[0], cells[1]).isNotNull();
			bothCounts.merge(siyu + "|" + cells[3], 1L, Long::sum);
			siyuCounts.merge(siyu, 1L, Long::sum);
			truthCounts.merge(cells[3], 1L, Long::sum);
		}
		double truePairs = pairs(bothCounts.values());
		return new PairAgreement(truePairs / pairs(siyuCounts.values()), truePairs / pairs(truthCounts.values()),
				truthCounts.size());
	}

	private static double pairs(Iterable<Long> sizes) {
		double pairs = 0;
		for (long size : sizes) {
			pairs += size * (size - 1) / 2.0;
		}
		return pairs;
	}

	private record PairAgreement(double precision, double recall, long truePersons) {
	}

}
