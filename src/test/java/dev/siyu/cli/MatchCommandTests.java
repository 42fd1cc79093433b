package dev.siyu.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code siyu match} on customer lists, without Spring or a database. */
class MatchCommandTests {

	@TempDir
	Path dir;

	@Test
	void deduplicatesAChineseListWithMaskedPhonesSwappedNamesAndTrimmedHeaders() throws IOException {
		StringBuilder csv = new StringBuilder(" id , name ,phone, address\n");
		java.util.Random random = new java.util.Random(3);
		String[] surnames = { "张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴" };
		String[] given = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛" };
		String[] places = { "浙江省杭州市西湖区文三路", "北京市朝阳区建国路", "广东省深圳市南山区科技园路", "四川省成都市武侯区人民南路" };
		for (int i = 1; i <= 300; i++) {
			String name = surnames[random.nextInt(surnames.length)] + given[random.nextInt(given.length)]
					+ given[random.nextInt(given.length)];
			String phone = "13" + (100000000 + random.nextInt(900000000));
			String address = places[random.nextInt(places.length)] + (1 + random.nextInt(300)) + "号";
			csv.append(i).append(',').append(name).append(',').append(phone).append(',').append(address).append('\n');
			if (i % 30 == 0) {
				String masked = phone.substring(0, 3) + "****" + phone.substring(7);
				String swapped = name.substring(1) + name.charAt(0);
				csv.append("d")
					.append(i)
					.append(',')
					.append(swapped)
					.append(',')
					.append(masked)
					.append(',')
					.append(address.replaceFirst("省", "省 ").replaceFirst("市", "市 "))
					.append('\n');
			}
		}
		Path input = write("customers.csv", csv.toString());
		Path out = this.dir.resolve("out");

		int code = run("match", "--input", input.toString(), "--id", "id", "--field", "name=full_name", "--field",
				" phone =phone", "--field", "address=address", "--out", out.toString());

		assertThat(code).isZero();
		List<String> pairs = Files.readAllLines(out.resolve("pairs.csv"));
		assertThat(pairs.get(0)).isEqualTo("left_id,right_id,match_probability,match_weight");
		List<String> expected = new ArrayList<>();
		for (int i = 30; i <= 300; i += 30) {
			expected.add(i + "-d" + i);
		}
		assertThat(pairs.subList(1, pairs.size())).extracting((line) -> line.split(",")[0] + "-" + line.split(",")[1])
			.containsExactlyInAnyOrderElementsOf(expected);
		List<String> clusters = Files.readAllLines(out.resolve("clusters.csv"));
		assertThat(clusters).hasSize(311).contains("d30,30", "d300,300", "1,1");
	}

	@Test
	void linksTwoListsWithLeftIdsFromTheFirst() throws IOException {
		Path a = write("a.csv", """
				id,given,surname,dob
				a1,john,smith,19800101
				a2,mary,jones,19750512
				a3,peter,brown,19900303
				a4,susan,clark,19620711
				""");
		Path b = write("b.csv", """
				id,given,surname,dob
				b1,jon,smith,19800101
				b2,mary,jones,19751205
				b3,alice,white,19880808
				b4,tom,green,19700101
				""");
		Path out = this.dir.resolve("linked");

		int code = run("match", "--input", a.toString(), "--link", b.toString(), "--id", "id", "--field",
				"given=given_name", "--field", "surname=surname", "--field", "dob=date", "--threshold", "0.5", "--out",
				out.toString());

		assertThat(code).isZero();
		Set<String> pairs = new HashSet<>();
		for (String line : Files.readAllLines(out.resolve("pairs.csv")).subList(1, 2)) {
			pairs.add(line.split(",")[0]);
		}
		assertThat(pairs).allMatch((left) -> left.startsWith("a"));
		assertThat(Files.readAllLines(out.resolve("clusters.csv"))).hasSize(9);
	}

	@Test
	void anUnknownKindOrColumnFailsWithOneLineSayingWhich() throws IOException {
		Path input = write("c.csv", "id,name\n1,x\n");

		Result kind = runRaw("match", "--input", input.toString(), "--id", "id", "--field", "name=nickname", "--out",
				this.dir.resolve("o").toString());
		Result column = runRaw("match", "--input", input.toString(), "--id", "id", "--field", "nom=full_name", "--out",
				this.dir.resolve("o").toString());

		assertThat(kind.code()).isEqualTo(2);
		assertThat(kind.err()).contains("unknown field kind 'nickname'");
		assertThat(column.code()).isEqualTo(2);
		assertThat(column.err()).contains("no column 'nom'").contains("[id, name]");
	}

	private Path write(String name, String content) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

	private int run(String... args) {
		Result result = runRaw(args);
		assertThat(result.code()).as(result.err()).isZero();
		return result.code();
	}

	private Result runRaw(String... args) {
		PrintStream out = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
		var line = SiyuCommand.commandLine();
		line.setErr(new PrintWriter(capturedErr, true, StandardCharsets.UTF_8));
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			int code = line.execute(new ArrayList<>(List.of(args)).toArray(String[]::new));
			return new Result(code, captured.toString(StandardCharsets.UTF_8),
					capturedErr.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
		}
	}

	record Result(int code, String out, String err) {
	}

}
