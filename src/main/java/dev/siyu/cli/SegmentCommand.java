package dev.siyu.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.siyu.tenant.Tenant;
import dev.siyu.audience.Engine;
import dev.siyu.audience.Expression;
import dev.siyu.audience.Expressions;
import dev.siyu.audience.Segments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;

@Command(name = "segment", mixinStandardHelpOptions = true, description = "Who is in an audience expression.",
		subcommands = { SegmentCommand.Count.class })
class SegmentCommand {

	@Command(name = "count", mixinStandardHelpOptions = true,
			description = "Count the persons an expression selects, e.g. \"tag('高净值') and orders.count(last 90d) >= 2\"; "
					+ "a JSON tree is accepted too.")
	static class Count extends OnTenant {

		@Option(names = "--engine", defaultValue = "bitmap", paramLabel = "bitmap|sql",
				description = "Count with the in-memory index or in SQL (default: ${DEFAULT-VALUE})")
		String engine;

		@Parameters(index = "0", paramLabel = "EXPR", description = "The expression (quote it)")
		String expression;

		private Engine parsedEngine;

		private Expression parsed;

		@Override
		void before() {
			this.parsedEngine = Engine.ofCode(this.engine);
			this.parsed = this.expression.strip().startsWith("{")
					? Expressions.fromJson(JsonMapper.builder().build().readTree(this.expression))
					: Expressions.parse(this.expression);
		}

		@Override
		Map<String, ?> run(ApplicationContext context, Tenant tenant) {
			long scope = tenant.identityScope().value();
			Segments segments = context.getBean(Segments.class);
			if (this.parsedEngine == Engine.BITMAP) {
				// the first count loads the index; the second is the one a user waits for
				segments.count(scope, this.parsed, this.parsedEngine);
			}
			Segments.Count count = segments.count(scope, this.parsed, this.parsedEngine);
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("count", count.count());
			out.put("millis", count.millis());
			out.put("engine", this.parsedEngine.code());
			return out;
		}

	}

}
