package dev.siyu.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.siyu.tenant.Tenant;
import dev.siyu.value.ClvFits;
import dev.siyu.value.CustomerScores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "value", mixinStandardHelpOptions = true,
		description = "Customer value of a tenant: recompute scores, fit the lifetime-value models.",
		subcommands = { ValueCommand.Refresh.class, ValueCommand.Fit.class })
class ValueCommand {

	@Command(name = "refresh", mixinStandardHelpOptions = true,
			description = "Recompute RFM, lifecycle stages and lifetime value of every person of the tenant.")
	static class Refresh implements Callable<Integer> {

		@Mixin
		DatabaseOptions database = new DatabaseOptions();

		@Mixin
		TenantOption tenant = new TenantOption();

		@Option(names = "--json", description = "Print one JSON object as the last line")
		boolean json;

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = Application.forCommand(this.database)) {
				Tenant tenant = this.tenant.in(context);
				CustomerScores.Refresh refresh = context.getBean(CustomerScores.class).refresh(tenant.id());
				Map<String, Object> out = new LinkedHashMap<>();
				out.put("buyers", refresh.buyers());
				out.put("prospects", refresh.prospects());
				out.put("transitions", refresh.transitions());
				out.put("fitted", refresh.fitted());
				out.put("millis", refresh.millis());
				Output.result(this.json, out);
				return 0;
			}
		}

	}

	@Command(name = "fit", mixinStandardHelpOptions = true,
			description = "Fit BG/NBD, Pareto/NBD and Gamma-Gamma on the tenant's orders, with a holdout check.")
	static class Fit implements Callable<Integer> {

		@Mixin
		DatabaseOptions database = new DatabaseOptions();

		@Mixin
		TenantOption tenant = new TenantOption();

		@Option(names = "--json", description = "Print one JSON object as the last line")
		boolean json;

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = Application.forCommand(this.database)) {
				Tenant tenant = this.tenant.in(context);
				Output.result(this.json,
						context.getBean(ClvFits.class).fit(tenant.id(), LocalDate.now(ZoneId.of("Asia/Shanghai"))));
				return 0;
			}
		}

	}

}
