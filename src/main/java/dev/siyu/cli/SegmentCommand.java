package dev.siyu.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.siyu.audience.Engine;
import dev.siyu.audience.Expression;
import dev.siyu.audience.Expressions;
import dev.siyu.audience.Segments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "segment", mixinStandardHelpOptions = true, description = "Who is in an audience expression.",
		subcommands = { SegmentCommand.Count.class })
class SegmentCommand {

	@Command(name = "count", mixinStandardHelpOptions = true,
			description = "Count the persons an expression selects, e.g. \"tag('高净值') and orders.count(last 90d) >= 2\"; "
					+ "a JSON tree is accepted too.")
	static class Count implements Callable<Integer> {

		@Mixin
		DatabaseOptions database = new DatabaseOptions();

		@Mixin
		TenantOption tenant = new TenantOption();

		@Option(names = "--engine", defaultValue = "bitmap", paramLabel = "bitmap|sql")
		String engine;

		@Option(names = "--json", description = "Print one JSON object as the last line")
		boolean json;

		@Parameters(index = "0", paramLabel = "EXPR")
		String expression;

		@Override
		public Integer call() {
			Engine engine = Engine.ofCode(this.engine);
			Expression expression = this.expression.strip().startsWith("{")
					? Expressions.fromJson(JsonMapper.builder().build().readTree(this.expression))
					: Expressions.parse(this.expression);
			try (ConfigurableApplicationContext context = Application.forCommand(this.database)) {
				long scope = this.tenant.in(context).identityScope().value();
				Segments segments = context.getBean(Segments.class);
				if (engine == Engine.BITMAP) {
					segments.count(scope, expression, engine);
				}
				Segments.Count count = segments.count(scope, expression, engine);
				Map<String, Object> out = new LinkedHashMap<>();
				out.put("count", count.count());
				out.put("millis", count.millis());
				out.put("engine", engine.code());
				Output.result(this.json, out);
				return 0;
			}
		}

	}

}
