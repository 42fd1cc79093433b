package dev.siyu.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.siyu.tenant.Tenant;
import dev.siyu.wecom.CorpSettings;
import dev.siyu.wecom.CorpSync;
import dev.siyu.wecom.Corps;
import dev.siyu.wecom.WeComStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ApplicationContext;

@Command(name = "wecom", mixinStandardHelpOptions = true,
		description = "WeCom (企业微信): connect a corp, sync, mass sends, corp tags on contacts, group statistics.",
		subcommands = { WeComCommand.Configure.class, WeComCommand.Sync.class, WeComCommand.Status.class,
				WeComSendCommands.Send.class, WeComSendCommands.Sends.class, WeComSendCommands.PollSends.class,
				WeComSendCommands.PushTags.class, WeComSendCommands.TagMarks.class, WeComSendCommands.RetryTags.class,
				WeComSendCommands.GroupStats.class })
class WeComCommand {

	@Command(name = "configure", mixinStandardHelpOptions = true,
			description = "Connect a tenant to a WeCom corp (or a sandbox); secrets are stored encrypted.")
	static class Configure extends OnTenant {

		@Option(names = "--corp-id", required = true, paramLabel = "ID")
		String corpId;

		@Option(names = "--token", required = true, description = "The callback Token")
		String token;

		@Option(names = "--aes-key", required = true, paramLabel = "KEY",
				description = "The 43-character EncodingAESKey")
		String aesKey;

		@Option(names = "--secret", paramLabel = "S", description = "The secret of the customer-contact app")
		String secret;

		@Option(names = "--agent-id", paramLabel = "N")
		Integer agentId;

		@Option(names = "--api-base", paramLabel = "URL",
				description = "WeCom's API host (default https://qyapi.weixin.qq.com), or a sandbox's")
		String apiBase;

		@Option(names = "--calls-per-minute", paramLabel = "N", description = "Rate limit of API calls (default 2000)")
		Integer callsPerMinute;

		@Override
		Map<String, ?> run(ApplicationContext context, Tenant tenant) {
			CorpSettings settings = new CorpSettings(this.corpId, this.token, this.aesKey, this.secret, this.agentId,
					this.apiBase, this.callsPerMinute);
			return context.getBean(Corps.class).configure(tenant.name(), settings).summary();
		}

	}

	@Command(name = "sync", mixinStandardHelpOptions = true,
			description = "Read staff, contacts, corp tags and groups from the tenant's corp (the full sync job).")
	static class Sync extends OnTenant {

		@Override
		Map<String, ?> run(ApplicationContext context, Tenant tenant) {
			return context.getBean(CorpSync.class).full(tenant.id());
		}

	}

	@Command(name = "status", mixinStandardHelpOptions = true, description = "How a tenant's WeCom channel stands.")
	static class Status extends OnTenant {

		@Override
		Map<String, ?> run(ApplicationContext context, Tenant tenant) {
			Map<String, Object> out = new LinkedHashMap<>();
			context.getBean(Corps.class).find(tenant.name()).ifPresent(corp -> out.putAll(corp.summary()));
			out.putAll(context.getBean(WeComStatus.class).of(tenant.id()));
			return out;
		}

	}

}
