package dev.siyu.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.siyu.tenant.Tenant;
import dev.siyu.value.ClvFits;
import dev.siyu.value.CustomerScores;
import picocli.CommandLine.Command;

import org.springframework.context.ApplicationContext;

@Command(name = "value", mixinStandardHelpOptions = true,
		description = "Customer value of a tenant: recompute scores, fit the lifetime-value models.",
		subcommands = { ValueCommand.Refresh.class, ValueCommand.Fit.class })
class ValueCommand {

	@Command(name = "refresh", mixinStandardHelpOptions = true,
			description = "Recompute RFM, lifecycle stages and lifetime value of every person of the tenant.")
	static class Refresh extends OnTenant {

		@Override
		Map<String, ?> run(ApplicationContext context, Tenant tenant) {
			CustomerScores.Refresh refresh = context.getBean(CustomerScores.class).refresh(tenant.id());
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("buyers", refresh.buyers());
			out.put("prospects", refresh.prospects());
			out.put("transitions", refresh.transitions());
			out.put("fitted", refresh.fitted());
			out.put("millis", refresh.millis());
			return out;
		}

	}

	@Command(name = "fit", mixinStandardHelpOptions = true,
			description = "Fit BG/NBD, Pareto/NBD and Gamma-Gamma on the tenant's orders, with a holdout check.")
	static class Fit extends OnTenant {

		@Override
		Map<String, ?> run(ApplicationContext context, Tenant tenant) {
			return context.getBean(ClvFits.class).fit(tenant.id(), LocalDate.now(ZoneId.of("Asia/Shanghai")));
		}

	}

}
