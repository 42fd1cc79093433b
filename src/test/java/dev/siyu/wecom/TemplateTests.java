package dev.siyu.wecom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTests {

	@Test
	void variablesAreFilledIn() {
		Template template = new Template("你好{nickname}，我是{staff}。{gift}", "https://g.example/1");
		assertThat(template.needsNickname()).isTrue();
		assertThat(template.render("小王", "导购李")).isEqualTo("你好小王，我是导购李。https://g.example/1");
	}

	@Test
	void templateWithoutGiftLinkLeavesTheGiftEmpty() {
		assertThat(new Template("{gift}!", null).render("", "")).isEqualTo("!");
	}

	@Test
	void unknownVariableIsNamedInTheError() {
		assertThatThrownBy(() -> Template.check("你好{name}")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("{name}");
	}

}
