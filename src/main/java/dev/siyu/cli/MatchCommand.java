package dev.siyu.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.siyu.matching.BlockingRule;
import dev.siyu.matching.CsvInput;
import dev.siyu.matching.Field;
import dev.siyu.matching.FieldKind;
import dev.siyu.matching.MatchResult;
import dev.siyu.matching.MatchSettings;
import dev.siyu.matching.Matcher;
import dev.siyu.matching.Records;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "match", mixinStandardHelpOptions = true,
		description = "Find the records of one person in a customer list (or across two lists) with a "
				+ "Fellegi-Sunter model trained on the data itself; no database needed.")
class MatchCommand implements Callable<Integer> {

	@Option(names = "--input", required = true, paramLabel = "A.csv", description = "The list to deduplicate")
	Path input;

	@Option(names = "--link", paramLabel = "B.csv",
			description = "A second list: link A to B instead of deduplicating A")
	Path link;

	@Option(names = "--id", required = true, paramLabel = "COL", description = "The column holding record ids")
	String id;

	@Option(names = "--field", required = true, paramLabel = "COL=KIND",
			description = "A column to compare and its kind, one of: given_name, surname, full_name, phone, email, "
					+ "address, street_number, city, postcode, province, date, id_number, text")
	List<String> fields = new ArrayList<>();

	@Option(names = "--block", paramLabel = "EXPR",
			description = "A blocking rule such as surname+date or surname:3+postcode (several are combined by union); "
					+ "chosen from the field kinds when absent")
	List<String> blocks = new ArrayList<>();

	@Option(names = "--threshold", paramLabel = "P",
			description = "Match probability from which pairs match " + "(default: ${DEFAULT-VALUE})",
			defaultValue = "" + MatchSettings.DEFAULT_THRESHOLD)
	double threshold;

	@Option(names = "--out", required = true, paramLabel = "DIR",
			description = "Where pairs.csv and clusters.csv are written")
	Path out;

	@Option(names = "--json", description = "Print one JSON object as the last line")
	boolean json;

	@Override
	public Integer call() throws IOException {
		List<Field> parsedFields = parseFields();
		Records records = CsvInput.read(this.input).records(this.id, parsedFields);
		if (this.link != null) {
			records = records.linkedWith(CsvInput.read(this.link).records(this.id, parsedFields));
		}
		MatchSettings settings = MatchSettings.defaults(parsedFields).withThreshold(this.threshold);
		if (!this.blocks.isEmpty()) {
			settings = settings
				.withRules(this.blocks.stream().map((rule) -> BlockingRule.parse(rule, parsedFields)).toList());
		}
		long start = System.nanoTime();
		MatchResult result = Matcher.run(records, settings);
		double seconds = (System.nanoTime() - start) / 1e9;
		Files.createDirectories(this.out);
		long pairs = writePairs(result);
		long clusters = writeClusters(result);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("records", records.size());
		summary.put("candidatePairs", result.candidatePairs());
		summary.put("pairs", pairs);
		summary.put("clusters", clusters);
		summary.put("threshold", this.threshold);
		summary.put("blocking", settings.rules().stream().map((rule) -> rule.describe(parsedFields)).toList());
		summary.put("oversizedBlocksSkipped", result.oversizedBlocks());
		summary.put("seconds", Math.round(seconds * 100) / 100.0);
		summary.put("out", this.out.toString());
		Output.result(this.json, summary);
		return 0;
	}

	private List<Field> parseFields() {
		List<Field> parsed = new ArrayList<>();
		for (String field : this.fields) {
			int equals = field.lastIndexOf('=');
			if (equals <= 0) {
				throw new IllegalArgumentException(
						"--field '" + field + "' must be COL=KIND, KIND one of " + FieldKind.names());
			}
			parsed.add(new Field(field.substring(0, equals), FieldKind.named(field.substring(equals + 1))));
		}
		return parsed;
	}

	private long writePairs(MatchResult result) throws IOException {
		Records records = result.records();
		long written = 0;
		Path file = this.out.resolve("pairs.csv");
		Path partial = this.out.resolve("pairs.csv.partial");
		try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
			writer.write("left_id,right_id,match_probability,match_weight\n");
			for (int p = 0; p < result.pairCount(); p++) {
				if (result.isMatch(p)) {
					writer.write(cell(records.id(result.left(p))) + "," + cell(records.id(result.right(p))) + ","
							+ String.format("%.6f", result.matchProbability(p)) + ","
							+ String.format("%.4f", result.matchWeight(p)) + "\n");
					written++;
				}
			}
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return written;
	}

	private long writeClusters(MatchResult result) throws IOException {
		Records records = result.records();
		long clusters = 0;
		Path file = this.out.resolve("clusters.csv");
		Path partial = this.out.resolve("clusters.csv.partial");
		try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
			writer.write("record_id,cluster_id\n");
			for (int r = 0; r < records.size(); r++) {
				int cluster = result.clusterOf(r);
				clusters += (cluster == r) ? 1 : 0;
				writer.write(cell(records.id(r)) + "," + cell(records.id(cluster)) + "\n");
			}
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return clusters;
	}

	private static String cell(String value) {
		if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

}
