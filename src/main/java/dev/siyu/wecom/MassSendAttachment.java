package dev.siyu.wecom;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import me.chanjar.weixin.cp.bean.external.msg.Attachment;
import me.chanjar.weixin.cp.bean.external.msg.Image;
import me.chanjar.weixin.cp.bean.external.msg.Link;
import me.chanjar.weixin.cp.bean.external.msg.MiniProgram;

/**
 * One attachment of a mass send, as add_msg_template takes it: an image (by the media id
 * of an uploaded image), a link, or a mini-program page. Which fields apply depends on
 * the type; {@link #checked(int)} enforces WeCom's required fields and limits.
 *
 * @param type image, link or miniprogram
 * @param mediaId image: the media id of an uploaded image
 * @param title link (128 bytes) or miniprogram (64 bytes): the title shown
 * @param url link: the http(s) address opened (2048 bytes)
 * @param desc link: the description under the title (512 bytes), optional
 * @param picUrl link: the cover image address, optional
 * @param appid miniprogram: the app id, which must be linked to the corp
 * @param page miniprogram: the page path, ending in .html
 * @param picMediaId miniprogram: the media id of the uploaded cover image
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MassSendAttachment(String type, String mediaId, String title, String url, String desc, String picUrl,
		String appid, String page, String picMediaId) {

	/** WeCom takes up to 9 attachments per mass send. */
	static final int MAX = 9;

	static final List<String> TYPES = List.of("image", "link", "miniprogram");

	public static MassSendAttachment image(String mediaId) {
		return new MassSendAttachment("image", mediaId, null, null, null, null, null, null, null);
	}

	public static MassSendAttachment link(String title, String url, String desc, String picUrl) {
		return new MassSendAttachment("link", null, title, url, desc, picUrl, null, null, null);
	}

	public static MassSendAttachment miniprogram(String title, String appid, String page, String picMediaId) {
		return new MassSendAttachment("miniprogram", null, title, null, null, null, appid, page, picMediaId);
	}

	/**
	 * The attachment with only the fields of its type, or a refusal naming the attachment
	 * (1-based) and the field.
	 */
	MassSendAttachment checked(int index) {
		String at = "attachments[" + index + "]";
		if (this.type == null || !TYPES.contains(this.type)) {
			throw new IllegalArgumentException(
					at + ".type must be one of " + String.join(", ", TYPES) + ", not '" + this.type + "'");
		}
		return switch (this.type) {
			case "image" -> image(required(at, "mediaId", this.mediaId, 256));
			case "link" -> {
				String address = required(at, "url", this.url, 2048);
				if (!address.startsWith("http://") && !address.startsWith("https://")) {
					throw new IllegalArgumentException(
							at + ".url must be an http or https address, not '" + address + "'");
				}
				String cover = optional(at, "picUrl", this.picUrl, 2048);
				if (cover != null && !cover.startsWith("http://") && !cover.startsWith("https://")) {
					throw new IllegalArgumentException(at + ".picUrl must be an http or https address");
				}
				yield link(required(at, "title", this.title, 128), address, optional(at, "desc", this.desc, 512),
						cover);
			}
			default -> {
				String path = required(at, "page", this.page, 1024);
				if (!path.endsWith(".html")) {
					throw new IllegalArgumentException(
							at + ".page must end with .html (WeCom's rule), not '" + path + "'");
				}
				yield miniprogram(required(at, "title", this.title, 64), required(at, "appid", this.appid, 64), path,
						required(at, "picMediaId", this.picMediaId, 256));
			}
		};
	}

	/** The checked attachments of a send: at most {@link #MAX}. */
	static List<MassSendAttachment> checked(List<MassSendAttachment> attachments) {
		if (attachments == null) {
			return List.of();
		}
		if (attachments.size() > MAX) {
			throw new IllegalArgumentException(
					"a mass send takes at most " + MAX + " attachments, got " + attachments.size());
		}
		List<MassSendAttachment> out = new java.util.ArrayList<>();
		for (int i = 0; i < attachments.size(); i++) {
			if (attachments.get(i) == null) {
				throw new IllegalArgumentException("attachments[" + (i + 1) + "] is empty");
			}
			out.add(attachments.get(i).checked(i + 1));
		}
		return List.copyOf(out);
	}

	/** The attachment as WxJava sends it. */
	Attachment toWeCom() {
		Attachment attachment = new Attachment();
		switch (this.type) {
			case "image" -> {
				Image image = new Image();
				image.setMediaId(this.mediaId);
				attachment.setImage(image);
			}
			case "link" -> {
				Link link = new Link();
				link.setTitle(this.title);
				link.setUrl(this.url);
				link.setDesc(this.desc);
				link.setPicUrl(this.picUrl);
				attachment.setLink(link);
			}
			default -> {
				MiniProgram mini = new MiniProgram();
				mini.setTitle(this.title);
				mini.setAppid(this.appid);
				mini.setPage(this.page);
				mini.setPicMediaId(this.picMediaId);
				attachment.setMiniProgram(mini);
			}
		}
		return attachment;
	}

	private static String required(String at, String field, String value, int maxBytes) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(at + "." + field + " is required for this type");
		}
		return optional(at, field, value, maxBytes);
	}

	private static String optional(String at, String field, String value, int maxBytes) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		int bytes = stripped.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > maxBytes) {
			throw new IllegalArgumentException(
					at + "." + field + " has " + bytes + " bytes (UTF-8); WeCom takes up to " + maxBytes);
		}
		return stripped;
	}

}
