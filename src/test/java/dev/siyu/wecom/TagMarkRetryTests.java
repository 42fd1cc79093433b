package dev.siyu.wecom;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TagMarkRetryTests {

	final TagMarkRetry retry = new TagMarkRetry(5, Duration.ofSeconds(1), Duration.ofSeconds(6));

	@Test
	void busyLimitedOrUnreachableWeComIsTriedAgainAndOtherAnswersAreFinal() {
		assertThat(TagMarkRetry.isTransient(null)).as("no answer").isTrue();
		assertThat(TagMarkRetry.isTransient(-1)).isTrue();
		assertThat(TagMarkRetry.isTransient(45009)).isTrue();
		assertThat(TagMarkRetry.isTransient(45033)).isTrue();
		assertThat(TagMarkRetry.isTransient(84061)).as("not a friend").isFalse();
		assertThat(TagMarkRetry.isTransient(40068)).as("unknown tag").isFalse();
	}

	@Test
	void thePauseDoublesUpToTheLongest() {
		assertThat(this.retry.pauseAfter(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.retry.pauseAfter(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.retry.pauseAfter(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.retry.pauseAfter(4)).isEqualTo(Duration.ofSeconds(6));
		assertThat(this.retry.pauseAfter(60)).isEqualTo(Duration.ofSeconds(6));
	}

	@Test
	void aMarkIsGivenUpWhenItsAttemptsAreSpent() {
		assertThat(this.retry.exhausted(4)).isFalse();
		assertThat(this.retry.exhausted(5)).isTrue();
	}

	@Test
	void theBoundsMustBeSensible() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TagMarkRetry(0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
			.withMessageContaining("at least 1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TagMarkRetry(3, Duration.ofSeconds(5), Duration.ofSeconds(2)))
			.withMessageContaining("longest pause");
	}

}
