package dev.siyu.console;

import java.util.List;
import java.util.UUID;

import dev.siyu.audience.Audiences;
import dev.siyu.tenant.Permission;
import dev.siyu.wecom.MassSendAttachment;
import dev.siyu.wecom.MassSends;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * WeCom mass sends (群发): the latest sends with who was left out and why and how the tasks
 * ended, and a form that sends a text and optionally one link to a saved audience. The
 * form carries a request id made when the page was shown, so submitting it twice sends
 * once.
 */
@Controller
class MassSendsController {

	private final MassSends sends;

	private final Audiences audiences;

	MassSendsController(MassSends sends, Audiences audiences) {
		this.sends = sends;
		this.audiences = audiences;
	}

	@GetMapping("/channels/wecom/sends")
	String sends(Workspace workspace, Model model) {
		workspace.require(Permission.VIEW_OVERVIEW);
		model.addAttribute("sends", this.sends.list(workspace.tenantId(), 50));
		model.addAttribute("audiences", this.audiences.all(workspace.tenant().identityScope().value()));
		model.addAttribute("requestId", UUID.randomUUID().toString());
		return "wecom-sends";
	}

	@PostMapping("/channels/wecom/sends")
	String send(Workspace workspace, @RequestParam String requestId, @RequestParam(required = false) Long audienceId,
			@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String linkTitle,
			@RequestParam(defaultValue = "") String linkUrl, Model model) {
		workspace.require(Permission.MANAGE_WECOM);
		List<MassSendAttachment> attachments = (linkTitle.isBlank() && linkUrl.isBlank()) ? List.of()
				: List.of(MassSendAttachment.link(linkTitle, linkUrl, null, null));
		try {
			this.sends.create(workspace.tenantId(),
					new MassSends.NewSend(requestId, "single", text, audienceId, null, null, null, null, attachments),
					workspace.username());
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
			String page = sends(workspace, model);
			model.addAttribute("requestId", requestId);
			model.addAttribute("text", text);
			model.addAttribute("linkTitle", linkTitle);
			model.addAttribute("linkUrl", linkUrl);
			return page;
		}
		return "redirect:/channels/wecom/sends";
	}

	@PostMapping("/channels/wecom/sends/poll")
	String poll(Workspace workspace) {
		workspace.require(Permission.MANAGE_WECOM);
		this.sends.pollResults(workspace.tenantId());
		return "redirect:/channels/wecom/sends";
	}

	static final List<String> RESULTS = List.of("pending", "sent", "not_sent", "not_friend", "limit_reached", "failed");

}
