package dev.siyu.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SyntheticBrandTests {

	private static final int CUSTOMERS = 2_000;

	@TempDir
	static Path directory;

	private static Path first;

	private static Manifest manifest;

	@BeforeAll
	static void generate() throws IOException {
		first = directory.resolve("first");
		manifest = SyntheticBrand.generate(GenerationRequest.of(CUSTOMERS, 7, first), null);
	}

	@Test
	void theSameSeedWritesByteIdenticalFiles() throws IOException {
		Path second = directory.resolve("second");
		SyntheticBrand.generate(GenerationRequest.of(CUSTOMERS, 7, second), null);
		List<Path> files = files(first);
		assertThat(files(second)).isEqualTo(files);
		for (Path file : files) {
			assertThat(Files.mismatch(first.resolve(file), second.resolve(file))).as(file.toString()).isEqualTo(-1);
		}
	}

	@Test
	void anotherSeedWritesOtherData() throws IOException {
		Path other = directory.resolve("other");
		Manifest otherManifest = SyntheticBrand.generate(GenerationRequest.of(CUSTOMERS, 8, other), null);
		assertThat(Files.mismatch(first.resolve("truth.csv"), other.resolve("truth.csv"))).isNotEqualTo(-1);
		assertThat(otherManifest.orders()).isNotEqualTo(manifest.orders());
	}

	@Test
	void aRequestEndingOnADayWritesTwoYearsOfOrdersUpToThatDay() throws IOException {
		Path dated = directory.resolve("dated");
		LocalDate end = LocalDate.of(2026, 11, 21);
		SyntheticBrand.generate(GenerationRequest.of(CUSTOMERS, 7, dated).endingOn(end), null);
		Path mall;
		try (Stream<Path> files = Files.list(dated.resolve("mall"))) {
			mall = files.filter((file) -> file.getFileName().toString().startsWith("mall_orders"))
				.findFirst()
				.orElseThrow();
		}
		CsvTable orders = CsvTable.read(mall, StandardCharsets.UTF_8);
		int created = orders.header().indexOf("下单时间");
		List<LocalDate> days = orders.rows()
			.stream()
			.map((row) -> LocalDate.parse(row.get(created).substring(0, 10)))
			.toList();

		assertThat(days).allMatch((day) -> !day.isAfter(end) && !day.isBefore(end.minusDays(Timeline.DAYS)));
		assertThat(days).anyMatch((day) -> day.isAfter(end.minusDays(30)));
	}

	@Test
	void manifestListsEveryDataFileAndTheyExist() throws IOException {
		assertThat(manifest.files()).extracting(ManifestFile::source)
			.containsExactly("taobao", "taobao", "douyin", "jd", "generic");
		for (ManifestFile file : manifest.files()) {
			assertThat(first.resolve(file.path())).isRegularFile();
			if (file.mapping() != null) {
				assertThat(first.resolve(file.mapping())).isRegularFile();
			}
		}
		List<String> dataFiles = files(first).stream()
			.map((file) -> file.toString().replace('\\', '/'))
			.filter((file) -> file.endsWith(".csv") && !file.equals("truth.csv"))
			.toList();
		assertThat(manifest.files()).extracting(ManifestFile::path).containsExactlyInAnyOrderElementsOf(dataFiles);
		assertThat(manifest.customers()).isEqualTo(CUSTOMERS);
		assertThat(manifest.orders()).isGreaterThan(CUSTOMERS);
		assertThat(manifest.orderLines()).isGreaterThan(manifest.orders());
	}

	@Test
	void manifestJsonHasTheAgreedShape() throws IOException {
		JsonNode json = JsonMapper.builder().build().readTree(first.resolve("manifest.json").toFile());
		assertThat(json.get("truth").asString()).isEqualTo("truth.csv");
		assertThat(json.get("customers").asLong()).isEqualTo(CUSTOMERS);
		assertThat(json.get("orders").asLong()).isEqualTo(manifest.orders());
		assertThat(json.get("orderLines").asLong()).isEqualTo(manifest.orderLines());
		JsonNode taobao = json.get("files").get(0);
		assertThat(taobao.get("path").asString()).startsWith("taobao/ExportOrderList").endsWith(".csv");
		assertThat(taobao.get("source").asString()).isEqualTo("taobao");
		assertThat(taobao.has("mapping")).isTrue();
		assertThat(taobao.get("mapping").isNull()).isTrue();
		JsonNode mall = json.get("files").get(4);
		assertThat(mall.get("source").asString()).isEqualTo("generic");
		assertThat(mall.get("mapping").asString()).isEqualTo("mall/mall-mapping.yaml");
	}

	@Test
	void mallMappingIsWrittenNextToTheMallOrders() throws IOException {
		String mapping = Files.readString(first.resolve("mall/mall-mapping.yaml"), StandardCharsets.UTF_8);
		assertThat(mapping).startsWith("name: own-mall\nplatform: mall\n")
			.contains("  amount: {column: 实付金额, per: order}")
			.contains("  - {kind: unionid, column: unionid}")
			.contains("  已退款: refunded");
		CsvTable mall = CsvTable.read(first.resolve(manifest.files().get(4).path()), StandardCharsets.UTF_8);
		assertThat(mall.header()).contains("订单号", "用户ID", "unionid", "手机号", "收货人", "收货地址", "下单时间", "支付时间", "订单状态",
				"商品编码", "商品名称", "品类", "数量", "单价", "实付金额", "运费", "邮箱");
	}

	@Test
	void maxOrdersStopsAtExactlyThatManyOrders() throws IOException {
		Path out = directory.resolve("limited");
		List<Long> progress = new ArrayList<>();
		Manifest limited = SyntheticBrand.generate(new GenerationRequest(CUSTOMERS, 7, out, Set.of("taobao"), 1_234),
				progress::add);
		assertThat(limited.orders()).isEqualTo(1_234);
		assertThat(limited.files()).extracting(ManifestFile::source).containsOnly("taobao");
		assertThat(CsvTable.read(out.resolve(limited.files().get(0).path()), GbkTable.GBK).rows()).hasSize(1_234);
		assertThat(CsvTable.read(out.resolve("truth.csv"), StandardCharsets.UTF_8).rows()).hasSize(1_234);
		assertThat(progress).last().isEqualTo(1_234L);
		assertThat(out.resolve("douyin")).doesNotExist();
	}

	@Test
	void aPlatformSubsetWritesTheSameOrdersAsAFullRun() throws IOException {
		Path out = directory.resolve("jd-only");
		Manifest jdOnly = SyntheticBrand.generate(new GenerationRequest(CUSTOMERS, 7, out, Set.of("jd"), 0), null);
		String path = jdOnly.files().get(0).path();
		assertThat(Files.mismatch(out.resolve(path), first.resolve(path))).isEqualTo(-1);
	}

	@Test
	void progressIsReportedEveryTenThousandOrdersAndAtTheEnd() throws IOException {
		List<Long> progress = new ArrayList<>();
		Manifest run = SyntheticBrand.generate(GenerationRequest.of(2 * CUSTOMERS, 7, directory.resolve("progress")),
				progress::add);
		assertThat(progress).startsWith(10_000L).last().isEqualTo(run.orders());
	}

	@Test
	void unknownPlatformsAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GenerationRequest(10, 1, directory, Set.of("pinduoduo"), 0))
			.withMessageContaining("pinduoduo");
	}

	private static List<Path> files(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
		}
	}

}
