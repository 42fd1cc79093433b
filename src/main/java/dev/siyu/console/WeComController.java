package dev.siyu.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.siyu.privacy.Masking;
import dev.siyu.tenant.Permission;
import dev.siyu.wecom.ChannelCodes;
import dev.siyu.wecom.Corps;
import dev.siyu.wecom.Groups;
import dev.siyu.wecom.TagMarks;
import dev.siyu.wecom.WeComDirectory;
import dev.siyu.wecom.WeComStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The WeCom channel: sync status, channel codes with their welcome templates, staff,
 * groups with their activity, the latest welcomes sent, and corp tag marks WeCom refused,
 * which an operator can queue again.
 */
@Controller
class WeComController {

	private static final int ACTIVITY_DAYS = 30;

	private static final int FAILED_MARKS = 20;

	private final Corps corps;

	private final WeComStatus status;

	private final ChannelCodes codes;

	private final Groups groups;

	private final WeComDirectory directory;

	private final TagMarks marks;

	WeComController(Corps corps, WeComStatus status, ChannelCodes codes, Groups groups, WeComDirectory directory,
			TagMarks marks) {
		this.corps = corps;
		this.status = status;
		this.codes = codes;
		this.groups = groups;
		this.directory = directory;
		this.marks = marks;
	}

	@GetMapping("/channels/wecom")
	String wecom(Workspace workspace, Model model) {
		workspace.require(Permission.VIEW_OVERVIEW);
		List<Map<String, Object>> codes = this.codes.list(workspace.tenantId());
		model.addAttribute("corp", this.corps.find(workspace.tenantId()).orElse(null));
		model.addAttribute("status", this.status.of(workspace.tenantId()));
		model.addAttribute("codes", codes);
		model.addAttribute("templates", codes.stream().filter(code -> code.get("welcomeTemplate") != null).toList());
		model.addAttribute("staff", this.directory.staff(workspace.tenantId()));
		model.addAttribute("groups", this.groups.list(workspace.tenantId(), ACTIVITY_DAYS));
		model.addAttribute("welcomes", this.directory.welcomes(workspace.tenantId(), 20));
		model.addAttribute("days", ACTIVITY_DAYS);
		model.addAttribute("failedMarks", failedMarks(workspace));
		return "wecom";
	}

	/** Queues failed marks again: one, or all when none is named. */
	@PostMapping("/channels/wecom/tag-marks/retry")
	String retryMarks(Workspace workspace, @RequestParam(required = false) Long id) {
		workspace.require(Permission.MANAGE_WECOM);
		this.marks.retry(workspace.tenantId(), (id != null) ? List.of(id) : null);
		return "redirect:/channels/wecom#failed-marks";
	}

	private List<Map<String, Object>> failedMarks(Workspace workspace) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (Map<String, Object> mark : this.marks.list(workspace.tenantId(), "failed", FAILED_MARKS)) {
			Map<String, Object> shown = new LinkedHashMap<>(mark);
			shown.put("externalUserId", Masking.identifier((String) mark.get("externalUserId")));
			out.add(shown);
		}
		return out;
	}

}
