package dev.siyu.wecom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import me.chanjar.weixin.cp.bean.external.WxCpMsgTemplate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MassSendAttachmentTests {

	static final MassSendAttachment IMAGE = MassSendAttachment.image("3media1");

	static final MassSendAttachment LINK = MassSendAttachment.link("会员日", "https://shop.example.com/day", null, null);

	static final MassSendAttachment MINI = MassSendAttachment.miniprogram("领券", "wxapp1", "pages/coupon.html",
			"3media2");

	@Test
	void anImageALinkAndAMiniProgramPageAreTakenAsWeComWantsThem() {
		assertThat(MassSendAttachment.checked(List.of(IMAGE, LINK, MINI))).containsExactly(IMAGE, LINK, MINI);
	}

	@Test
	void fieldsOfAnotherTypeAreDropped() {
		MassSendAttachment mixed = new MassSendAttachment("image", "3media1", "title", "https://x.cn", null, null, "wx",
				null, null);
		assertThat(mixed.checked(1)).isEqualTo(IMAGE);
	}

	@Test
	void eachMissingFieldIsNamedWithItsAttachment() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MassSendAttachment.checked(List.of(IMAGE, MassSendAttachment.image(" "))))
			.withMessage("attachments[2].mediaId is required for this type");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MassSendAttachment.link(null, "https://x.cn", null, null).checked(1))
			.withMessageContaining("attachments[1].title is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MassSendAttachment.miniprogram("领券", "wxapp1", "pages/coupon.html", null).checked(3))
			.withMessageContaining("attachments[3].picMediaId is required");
	}

	@Test
	void weComsOwnRulesAreChecked() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MassSendAttachment.miniprogram("领券", "wxapp1", "pages/coupon", "3m").checked(1))
			.withMessageContaining("page must end with .html");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MassSendAttachment.link("t", "javascript:alert(1)", null, null).checked(1))
			.withMessageContaining("url must be an http or https address");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MassSendAttachment.miniprogram("券".repeat(22), "wxapp1", "p.html", "3m").checked(1))
			.withMessageContaining("title has 66 bytes (UTF-8); WeCom takes up to 64");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MassSendAttachment("video", "m", null, null, null, null, null, null, null).checked(1))
			.withMessageContaining("type must be one of image, link, miniprogram, not 'video'");
	}

	@Test
	void atMostNineAttachmentsGoWithASend() {
		List<MassSendAttachment> ten = new ArrayList<>(Collections.nCopies(10, IMAGE));
		assertThatIllegalArgumentException().isThrownBy(() -> MassSendAttachment.checked(ten))
			.withMessage("a mass send takes at most 9 attachments, got 10");
		assertThat(MassSendAttachment.checked(ten.subList(0, 9))).hasSize(9);
	}

	@Test
	void aSendWithAttachmentsNeedsNoText() {
		MassSends.NewSend send = new MassSends.NewSend("r1", null, null, null, null, List.of("wm1"), null, null,
				List.of(LINK));
		assertThat(send.checked().text()).isEmpty();
		assertThat(send.checked().attachments()).containsExactly(LINK);
	}

	@Test
	void wxJavaSendsThemInWeComsFormat() {
		WxCpMsgTemplate template = new WxCpMsgTemplate();
		template.setAttachments(List.of(IMAGE.toWeCom(), LINK.toWeCom(), MINI.toWeCom()));
		assertThat(template.toJson()).contains("\"msgtype\":\"image\"", "\"media_id\":\"3media1\"",
				"\"msgtype\":\"link\"", "\"url\":\"https://shop.example.com/day\"", "\"msgtype\":\"miniprogram\"",
				"\"pic_media_id\":\"3media2\"", "\"page\":\"pages/coupon.html\"");
	}

}
