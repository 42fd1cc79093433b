package dev.siyu.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.siyu.ingest.TenantStatistics;
import dev.siyu.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "stats", mixinStandardHelpOptions = true,
		description = "Counts of a tenant: orders, items, buyer accounts, persons (One IDs), GMV.")
class StatsCommand implements Callable<Integer> {

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
			TenantStatistics.Counts counts = context.getBean(TenantStatistics.class).of(tenant.id());
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("orders", counts.orders());
			out.put("orderItems", counts.orderItems());
			out.put("accounts", counts.accounts());
			out.put("persons", counts.persons());
			out.put("gmv", counts.gmv().toPlainString());
			Output.result(this.json, out);
			return 0;
		}
	}

}
