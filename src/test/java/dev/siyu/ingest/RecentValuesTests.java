package dev.siyu.ingest;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentValuesTests {

	private final List<String> workedOut = new ArrayList<>();

	private String length(String text) {
		this.workedOut.add(text);
		return (text.startsWith("none")) ? null : text + ":" + text.length();
	}

	@Test
	void worksOutATextOnceWhileItKeepsItsSlot() {
		RecentValues<String> values = new RecentValues<>(4);
		assertThat(values.of("浙江省杭州市", this::length)).isEqualTo("浙江省杭州市:6");
		assertThat(values.of(new String("浙江省杭州市"), this::length)).isEqualTo("浙江省杭州市:6");
		assertThat(values.of("none here", this::length)).isNull();
		assertThat(values.of("none here", this::length)).isNull();
		assertThat(this.workedOut).containsExactly("浙江省杭州市", "none here");
	}

	@Test
	void worksOutAgainATextAnotherHasPushedOut() {
		RecentValues<String> values = new RecentValues<>(0);
		values.of("a", this::length);
		values.of("bb", this::length);
		assertThat(values.of("a", this::length)).isEqualTo("a:1");
		assertThat(this.workedOut).containsExactly("a", "bb", "a");
	}

}
