package dev.siyu.audience;

import java.util.List;

/** People entered or left a dynamic audience. */
public record AudienceMembershipChanged(long scope, long audienceId, List<Long> entered, List<Long> left) {

	public AudienceMembershipChanged {
		entered = List.copyOf(entered);
		left = List.copyOf(left);
	}

}
