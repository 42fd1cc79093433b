package dev.siyu.console;

import java.util.List;
import java.util.Map;

import dev.siyu.tenant.Permission;
import dev.siyu.wecom.ChannelCodes;
import dev.siyu.wecom.Corps;
import dev.siyu.wecom.Groups;
import dev.siyu.wecom.WeComDirectory;
import dev.siyu.wecom.WeComStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The WeCom channel: sync status, channel codes with their welcome templates, staff,
 * groups with their activity, and the latest welcomes sent.
 */
@Controller
class WeComController {

	private static final int ACTIVITY_DAYS = 30;

	private final Corps corps;

	private final WeComStatus status;

	private final ChannelCodes codes;

	private final Groups groups;

	private final WeComDirectory directory;

	WeComController(Corps corps, WeComStatus status, ChannelCodes codes, Groups groups, WeComDirectory directory) {
		this.corps = corps;
		this.status = status;
		this.codes = codes;
		this.groups = groups;
		this.directory = directory;
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
		return "wecom";
	}

}
