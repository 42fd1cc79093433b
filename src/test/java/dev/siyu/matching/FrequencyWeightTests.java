package dev.siyu.matching;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Agreeing on a common value is weaker evidence than agreeing on a rare one. */
class FrequencyWeightTests {

	@Test
	void aCommonNameCountsLessThanARareOne() {
		List<Field> fields = List.of(new Field("name", FieldKind.FULL_NAME), new Field("city", FieldKind.CITY));
		Records.Builder builder = Records.builder(fields);
		String[] cities = { "杭州", "北京", "上海", "广州", "深圳", "成都", "武汉", "南京" };
		for (int i = 0; i < 400; i++) {
			String name = (i % 4 == 0) ? "张伟" : "名" + (char) ('一' + i) + (char) ('丁' + i / 7);
			builder.add("r" + i, name, cities[i % cities.length]);
		}
		builder.add("rare-1", "诸葛孔明", "杭州").add("rare-2", "诸葛孔明", "杭州");
		Records records = builder.build();
		MatchResult result = Matcher.run(records,
				MatchSettings.defaults(fields)
					.withRules(List.of(BlockingRule.parse("name", fields)))
					.keepingFrom(0.0001));

		double common = nameWeight(result.explain(0, 8));
		double rare = nameWeight(result.explain(400, 401));

		assertThat(records.id(0)).isEqualTo("r0");
		assertThat(rare).isGreaterThan(common + 3);
	}

	private static double nameWeight(PairExplanation explanation) {
		assertThat(explanation.fields().get(0).level()).isEqualTo("exact");
		return explanation.fields().get(0).weight();
	}

}
