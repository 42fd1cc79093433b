package dev.siyu.synthetic;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class GroundTruthTests {

	private static final String FULL_MOBILE = "1[3-9]\\d{9}";

	@TempDir
	static Path out;

	private static Manifest manifest;

	private static CsvTable truth;

	/** platform to order id to person. */
	private static final Map<String, Map<String, String>> persons = new HashMap<>();

	@BeforeAll
	static void generate() throws IOException {
		manifest = SyntheticBrand.generate(GenerationRequest.of(2_000, 3, out), null);
		truth = CsvTable.read(out.resolve(manifest.truth()), StandardCharsets.UTF_8);
		for (List<String> row : truth.rows()) {
			persons.computeIfAbsent(truth.get(row, "platform"), (platform) -> new HashMap<>())
				.put(truth.get(row, "order_id"), truth.get(row, "person"));
		}
	}

	@Test
	void truthHasOneRowPerOrderOfEachFile() throws IOException {
		assertThat(truth.header()).containsExactly("platform", "order_id", "account", "person");
		assertThat(truth.rows()).hasSize((int) manifest.orders());
		assertThat(orderIds(0, GbkTable.GBK, "订单编号")).isEqualTo(persons.get("taobao").keySet());
		assertThat(orderIds(2, StandardCharsets.UTF_8, "主订单编号")).isEqualTo(persons.get("douyin").keySet());
		assertThat(orderIds(3, GbkTable.GBK, "订单号")).isEqualTo(persons.get("jd").keySet());
		assertThat(orderIds(4, StandardCharsets.UTF_8, "订单号")).isEqualTo(persons.get("mall").keySet());
		int lines = 0;
		for (int file = 1; file < manifest.files().size(); file++) {
			Charset charset = (file == 1 || file == 3) ? GbkTable.GBK : StandardCharsets.UTF_8;
			lines += table(file, charset).rows().size();
		}
		assertThat(lines).isEqualTo(manifest.orderLines());
	}

	@Test
	void orderIdsAreUniquePerPlatform() {
		Map<String, Long> orders = truth.rows()
			.stream()
			.collect(Collectors.groupingBy((row) -> truth.get(row, "platform"), Collectors.counting()));
		persons.forEach((platform, ids) -> assertThat(ids).hasSize(orders.get(platform).intValue()));
	}

	@Test
	void eachAccountBelongsToExactlyOnePerson() {
		Map<String, Set<String>> owners = new HashMap<>();
		for (List<String> row : truth.rows()) {
			String account = truth.get(row, "account");
			if (truth.get(row, "platform").equals("douyin")) {
				assertThat(account).isEmpty();
			}
			else {
				assertThat(account).isNotEmpty();
				owners.computeIfAbsent(truth.get(row, "platform") + "/" + account, (key) -> new HashSet<>())
					.add(truth.get(row, "person"));
			}
		}
		assertThat(owners.values()).allSatisfy((people) -> assertThat(people).hasSize(1));
		assertThat(truth.column("person")).allMatch((person) -> person.matches("P\\d{9}"));
	}

	@Test
	void aShareOfPersonsBuyOnTwoOrMorePlatforms() {
		Map<String, Set<String>> platforms = new HashMap<>();
		for (List<String> row : truth.rows()) {
			platforms.computeIfAbsent(truth.get(row, "person"), (person) -> new HashSet<>())
				.add(truth.get(row, "platform"));
		}
		long several = platforms.values().stream().filter((used) -> used.size() >= 2).count();
		assertThat((double) several / platforms.size()).isBetween(0.12, 0.35);
		assertThat(platforms.values()).anyMatch((used) -> used.size() == 4);
	}

	@Test
	void fullPhonesLinkAPersonsAccountsAcrossPlatforms() throws IOException {
		Map<String, Set<String>> platformsByPhone = new HashMap<>();
		phones(3, GbkTable.GBK, "订单号", "联系电话", "jd").forEach((phone, people) -> people
			.forEach((person) -> platformsByPhone.computeIfAbsent(person + phone, (key) -> new HashSet<>()).add("jd")));
		phones(4, StandardCharsets.UTF_8, "订单号", "手机号", "mall").forEach((phone, people) -> people.forEach(
				(person) -> platformsByPhone.computeIfAbsent(person + phone, (key) -> new HashSet<>()).add("mall")));
		assertThat(platformsByPhone.values()).filteredOn((platforms) -> platforms.size() == 2).hasSizeGreaterThan(10);
	}

	@Test
	void aHubPhoneIsSharedByManyPersonsAndNoOtherPhoneIsShared() throws IOException {
		Map<String, Set<String>> byPhone = new HashMap<>();
		merge(byPhone, phones(3, GbkTable.GBK, "订单号", "联系电话", "jd"));
		merge(byPhone, phones(4, StandardCharsets.UTF_8, "订单号", "手机号", "mall"));
		merge(byPhone, phones(2, StandardCharsets.UTF_8, "主订单编号", "收件人手机号", "douyin"));
		Map<String, Set<String>> taobao = phones(0, GbkTable.GBK, "订单编号", "联系手机", "taobao");
		taobao.forEach((phone, people) -> byPhone.computeIfAbsent(phone.substring(1), (key) -> new HashSet<>())
			.addAll(people));
		Map<String, Set<String>> shared = byPhone.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().matches(FULL_MOBILE) && entry.getValue().size() > 1)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(shared).isNotEmpty();
		assertThat(shared.keySet()).allMatch((phone) -> phone.startsWith("166"));
		assertThat(shared.values()).anyMatch((people) -> people.size() >= 8);
	}

	private static Map<String, Set<String>> phones(int file, Charset charset, String idColumn, String phoneColumn,
			String platform) throws IOException {
		CsvTable table = table(file, charset);
		Map<String, Set<String>> byPhone = new HashMap<>();
		for (List<String> row : table.rows()) {
			String person = persons.get(platform).get(canonical(table.get(row, idColumn)));
			byPhone.computeIfAbsent(table.get(row, phoneColumn), (key) -> new HashSet<>()).add(person);
		}
		return byPhone;
	}

	private static void merge(Map<String, Set<String>> into, Map<String, Set<String>> from) {
		from.forEach((phone, people) -> into.computeIfAbsent(phone, (key) -> new HashSet<>()).addAll(people));
	}

	private static Set<String> orderIds(int file, Charset charset, String column) throws IOException {
		return table(file, charset).column(column)
			.stream()
			.map(GroundTruthTests::canonical)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static String canonical(String id) {
		return id.startsWith("=\"") ? id.substring(2, id.length() - 1) : id;
	}

	private static CsvTable table(int file, Charset charset) throws IOException {
		return CsvTable.read(out.resolve(manifest.files().get(file).path()), charset);
	}

}
