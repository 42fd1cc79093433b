package dev.siyu.cli;

import dev.siyu.tenant.Tenant;
import dev.siyu.tenant.Tenants;
import picocli.CommandLine.Option;

import org.springframework.context.ApplicationContext;

/** The tenant a command works on. */
class TenantOption {

	@Option(names = "--tenant", required = true, paramLabel = "NAME", description = "The tenant (brand) to work on")
	String name;

	/** The tenant, or a failure naming the tenant that does not exist. */
	Tenant in(ApplicationContext context) {
		return context.getBean(Tenants.class).require(this.name);
	}

}
