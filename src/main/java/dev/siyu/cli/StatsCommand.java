package dev.siyu.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.siyu.ingest.TenantStatistics;
import dev.siyu.tenant.Tenant;
import picocli.CommandLine.Command;

import org.springframework.context.ApplicationContext;

@Command(name = "stats", mixinStandardHelpOptions = true,
		description = "Counts of a tenant: orders, items, buyer accounts, persons (One IDs), GMV.")
class StatsCommand extends OnTenant {

	@Override
	Map<String, ?> run(ApplicationContext context, Tenant tenant) {
		TenantStatistics.Counts counts = context.getBean(TenantStatistics.class).of(tenant.id());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("orders", counts.orders());
		out.put("orderItems", counts.orderItems());
		out.put("accounts", counts.accounts());
		out.put("persons", counts.persons());
		out.put("gmv", counts.gmv().toPlainString());
		return out;
	}

}
