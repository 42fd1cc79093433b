package dev.siyu.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.siyu.tenant.Tenant;
import dev.siyu.wecom.ContactTagPush;
import dev.siyu.wecom.GroupStatistics;
import dev.siyu.wecom.MassSendAttachment;
import dev.siyu.wecom.MassSends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ApplicationContext;

/**
 * Mass sends, corp tag marks and group statistics of the WeCom channel from the command
 * line.
 */
final class WeComSendCommands {

	private WeComSendCommands() {
	}

	@Command(name = "send", mixinStandardHelpOptions = true,
			description = "Mass send (群发) to an audience, persons or contacts, or to the groups of owners; "
					+ "repeatable with the same --request-id.")
	static class Send extends OnTenant {

		@Option(names = "--request-id", required = true, paramLabel = "ID",
				description = "Your id for this send: repeating the command with it creates nothing twice")
		String requestId;

		@Option(names = "--text", description = "The message; may be left out when there are attachments")
		String text;

		@Option(names = "--image", paramLabel = "MEDIA_ID", description = "Attach an uploaded image (repeatable)")
		List<String> images = new ArrayList<>();

		@Option(names = "--link", paramLabel = "URL", description = "Attach a link (with --link-title)")
		String link;

		@Option(names = "--link-title")
		String linkTitle;

		@Option(names = "--link-desc")
		String linkDesc;

		@Option(names = "--link-pic", paramLabel = "URL", description = "The link's cover image")
		String linkPic;

		@Option(names = "--miniprogram", paramLabel = "APPID",
				description = "Attach a mini-program page (with --mini-title, --mini-page, --mini-pic)")
		String miniprogram;

		@Option(names = "--mini-title")
		String miniTitle;

		@Option(names = "--mini-page", paramLabel = "PATH.html")
		String miniPage;

		@Option(names = "--mini-pic", paramLabel = "MEDIA_ID", description = "The mini-program's cover image")
		String miniPic;

		@Option(names = "--audience", paramLabel = "ID", description = "A saved audience")
		Long audience;

		@Option(names = "--persons", split = ",", paramLabel = "ID,...")
		List<Long> persons = new ArrayList<>();

		@Option(names = "--contacts", split = ",", paramLabel = "EXTERNAL_USERID,...")
		List<String> contacts = new ArrayList<>();

		@Option(names = "--groups", split = ",", paramLabel = "CHAT_ID,...", description = "Send to these groups")
		List<String> groups = new ArrayList<>();

		@Option(names = "--senders", split = ",", paramLabel = "USERID,...",
				description = "Only these staff send (for groups: send to all groups they own)")
		List<String> senders = new ArrayList<>();

		@Override
		Map<String, ?> run(ApplicationContext context, Tenant tenant) {
			boolean group = !this.groups.isEmpty() || (this.audience == null && this.persons.isEmpty()
					&& this.contacts.isEmpty() && !this.senders.isEmpty());
			List<MassSendAttachment> attachments = new ArrayList<>();
			this.images.forEach(image -> attachments.add(MassSendAttachment.image(image)));
			if (this.link != null) {
				attachments.add(MassSendAttachment.link(this.linkTitle, this.link, this.linkDesc, this.linkPic));
			}
			if (this.miniprogram != null) {
				attachments
					.add(MassSendAttachment.miniprogram(this.miniTitle, this.miniprogram, this.miniPage, this.miniPic));
			}
			MassSends.NewSend send = new MassSends.NewSend(this.requestId, group ? "group" : "single", this.text,
					this.audience, this.persons, this.contacts, this.groups, this.senders, attachments);
			return context.getBean(MassSends.class).create(tenant.id(), send, "cli");
		}

	}

	@Command(name = "sends", mixinStandardHelpOptions = true, description = "The latest mass sends with their results.")
	static class Sends extends OnTenant {

		@Option(names = "--limit", defaultValue = "20")
		int limit;

		@Override
		Map<String, ?> run(ApplicationContext context, Tenant tenant) {
			return Map.of("sends", context.getBean(MassSends.class).list(tenant.id(), Math.max(1, this.limit)));
		}

	}

	@Command(name = "poll-sends", mixinStandardHelpOptions = true,
			description = "Read WeCom's results of open mass send tasks (the server does this every 5 minutes).")
	static class PollSends extends OnTenant {

		@Override
		Map<String, ?> run(ApplicationContext context, Tenant tenant) {
			return Map.of("changed", context.getBean(MassSends.class).pollResults(tenant.id()));
		}

	}

	@Command(name = "push-tags", mixinStandardHelpOptions = true,
			description = "Mark queued corp tags on contacts now (the server does this every 2 seconds).")
	static class PushTags extends OnTenant {

		@Override
		Map<String, ?> run(ApplicationContext context, Tenant tenant) {
			return Map.of("relations", context.getBean(ContactTagPush.class).push(tenant.id()));
		}

	}

	@Command(name = "tag-marks", mixinStandardHelpOptions = true,
			description = "The latest corp tag marks with WeCom's answer: queued, retrying, done or failed.")
	static class TagMarks extends OnTenant {

		@Option(names = "--status", paramLabel = "STATUS", description = "Only queued, retrying, done or failed marks")
		String status;

		@Option(names = "--limit", defaultValue = "50")
		int limit;

		@Override
		Map<String, ?> run(ApplicationContext context, Tenant tenant) {
			return Map.of("marks", context.getBean(dev.siyu.wecom.TagMarks.class)
				.list(tenant.id(), this.status, Math.max(1, this.limit)));
		}

	}

	@Command(name = "retry-tags", mixinStandardHelpOptions = true,
			description = "Queue failed corp tag marks again (all, or --ids); superseded ones are left.")
	static class RetryTags extends OnTenant {

		@Option(names = "--ids", split = ",", paramLabel = "ID,...")
		List<Long> ids = new ArrayList<>();

		@Override
		Map<String, ?> run(ApplicationContext context, Tenant tenant) {
			return context.getBean(dev.siyu.wecom.TagMarks.class).retry(tenant.id(), this.ids);
		}

	}

	@Command(name = "group-stats", mixinStandardHelpOptions = true,
			description = "Read the message counts of customer groups per owner for the last complete days.")
	static class GroupStats extends OnTenant {

		@Option(names = "--days", defaultValue = "7")
		int days;

		@Override
		Map<String, ?> run(ApplicationContext context, Tenant tenant) {
			return Map.of("ownerDays", context.getBean(GroupStatistics.class).fetch(tenant.id(), this.days));
		}

	}

}
