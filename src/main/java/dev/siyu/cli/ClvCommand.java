package dev.siyu.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.siyu.value.BgNbd;
import dev.siyu.value.CustomerValue;
import dev.siyu.value.GammaGamma;
import dev.siyu.value.HoldoutCheck;
import dev.siyu.value.ParetoNbd;
import dev.siyu.value.PurchaseLog;
import dev.siyu.value.Purchases;
import dev.siyu.value.TimeUnit;
import dev.siyu.value.TransactionFile;
import dev.siyu.value.ValueModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Lifetime value from a transaction file, with no database: a standalone tool. */
@Command(name = "clv", mixinStandardHelpOptions = true,
		description = "Fit BG/NBD, Pareto/NBD and Gamma-Gamma to a transaction file and score every customer "
				+ "(no database needed).")
class ClvCommand implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@Option(names = "--transactions", required = true, paramLabel = "FILE.csv")
	Path transactions;

	@Option(names = "--customer", required = true, paramLabel = "COL",
			description = "Customer column: header name, or position from 1 in a file without header")
	String customer;

	@Option(names = "--date", required = true, paramLabel = "COL")
	String date;

	@Option(names = "--amount", required = true, paramLabel = "COL")
	String amount;

	@Option(names = "--date-format", paramLabel = "PATTERN",
			description = "e.g. yyyyMMdd; default: yyyy-MM-dd (a time after it is ignored) or yyyyMMdd")
	String dateFormat;

	@Option(names = "--calibration-end", required = true, paramLabel = "YYYY-MM-DD")
	LocalDate calibrationEnd;

	@Option(names = "--holdout-end", paramLabel = "YYYY-MM-DD")
	LocalDate holdoutEnd;

	@Option(names = "--time-unit", defaultValue = "week", paramLabel = "week|day")
	String timeUnit;

	@Option(names = "--horizon", paramLabel = "N",
			description = "Horizon of expected purchases and CLV, in time units (default: one year)")
	Double horizon;

	@Option(names = "--annual-discount", defaultValue = "0.10", paramLabel = "RATE")
	double annualDiscount;

	@Option(names = "--out", required = true, paramLabel = "DIR")
	Path out;

	@Override
	public Integer call() throws IOException {
		TimeUnit unit = TimeUnit.parse(this.timeUnit);
		double horizonUnits = this.horizon == null ? unit.perYear() : this.horizon;
		TransactionFile.Read read = TransactionFile.read(this.transactions, this.customer, this.date, this.amount,
				this.dateFormat);
		PurchaseLog.Calibration calibration = read.log().summarise(this.calibrationEnd, this.holdoutEnd, unit);
		Purchases purchases = calibration.purchases();
		ValueModels models = ValueModels.fit(purchases, true);
		Files.createDirectories(this.out);
		Files.writeString(this.out.resolve("params.json"), JSON.writeValueAsString(params(purchases, models)));
		writeCustomers(calibration, models.scoring(horizonUnits, this.annualDiscount, unit));
		if (this.holdoutEnd != null) {
			HoldoutCheck check = HoldoutCheck.of(models.bgNbd().model(), calibration);
			Files.writeString(this.out.resolve("holdout.json"), JSON.writeValueAsString(holdout(check)));
		}
		if (read.rejectedCount() > 0) {
			writeRejected(read);
			System.err.println("warning: " + read.rejectedCount() + " of " + read.rows()
					+ " rows could not be read; see " + this.out.resolve("rejected.csv"));
		}
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("customers", purchases.size());
		summary.put("rows", read.rows());
		summary.put("rejected", read.rejectedCount());
		summary.put("fitMillis", models.fitMillis());
		summary.put("out", this.out.toString());
		Output.result(true, summary);
		return 0;
	}

	private static Map<String, Object> params(Purchases purchases, ValueModels models) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("customers", purchases.size());
		BgNbd bg = models.bgNbd().model();
		params.put("bgnbd", ordered("r", bg.r(), "alpha", bg.alpha(), "a", bg.a(), "b", bg.b(), "logLikelihood",
				models.bgNbd().logLikelihood()));
		ParetoNbd pareto = models.paretoNbd().model();
		params.put("paretonbd", ordered("r", pareto.r(), "alpha", pareto.alpha(), "s", pareto.s(), "beta",
				pareto.beta(), "logLikelihood", models.paretoNbd().logLikelihood()));
		if (models.gammaGamma() != null) {
			GammaGamma gg = models.gammaGamma().model();
			params.put("gammagamma",
					ordered("p", gg.p(), "q", gg.q(), "gamma", gg.gamma(), "customers", repeaters(purchases)));
		}
		else {
			params.put("gammagamma", null);
		}
		params.put("fitMillis", models.fitMillis());
		return params;
	}

	private static long repeaters(Purchases purchases) {
		long count = 0;
		for (int i = 0; i < purchases.size(); i++) {
			if (purchases.repeats(i) > 0 && purchases.meanRepeatValue(i) > 0) {
				count++;
			}
		}
		return count;
	}

	private static Map<String, Object> holdout(HoldoutCheck check) {
		List<Map<String, Object>> groups = new ArrayList<>();
		for (HoldoutCheck.Group group : check.byFrequency()) {
			groups.add(ordered("x", group.x(), "customers", group.customers(), "predicted", group.predicted(), "actual",
					group.actual()));
		}
		return ordered("predicted", check.predicted(), "actual", check.actual(), "byFrequency", groups);
	}

	private void writeCustomers(PurchaseLog.Calibration calibration, CustomerValue scoring) throws IOException {
		Purchases purchases = calibration.purchases();
		try (BufferedWriter writer = Files.newBufferedWriter(this.out.resolve("customers.csv"),
				StandardCharsets.UTF_8)) {
			writer.write("customer,x,t_x,T,p_alive,expected_purchases,expected_spend,clv\n");
			for (int i = 0; i < purchases.size(); i++) {
				CustomerValue.Score score = scoring.score(purchases.repeats(i), purchases.lastPurchase(i),
						purchases.age(i), purchases.meanRepeatValue(i));
				writer.write(csvCell(calibration.customers().get(i)) + "," + purchases.repeats(i) + ","
						+ number(purchases.lastPurchase(i)) + "," + number(purchases.age(i)) + ","
						+ number(score.probabilityAlive()) + "," + number(score.expectedPurchases()) + ","
						+ number(score.expectedSpend()) + "," + number(score.clv()) + "\n");
			}
		}
	}

	private void writeRejected(TransactionFile.Read read) throws IOException {
		try (BufferedWriter writer = Files.newBufferedWriter(this.out.resolve("rejected.csv"),
				StandardCharsets.UTF_8)) {
			writer.write("line,field,reason\n");
			for (TransactionFile.Rejected rejected : read.rejected()) {
				writer.write(rejected.line() + "," + rejected.field() + "," + csvCell(rejected.reason()) + "\n");
			}
		}
	}

	private static String number(double value) {
		return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6f", value);
	}

	private static String csvCell(String text) {
		if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
