package dev.siyu.tenant;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionTests {

	@Test
	void ownersAndAdminsMayDoEverything() {
		for (Permission permission : Permission.values()) {
			assertThat(Role.OWNER.may(permission)).as(permission.name()).isTrue();
			assertThat(Role.ADMIN.may(permission)).as(permission.name()).isTrue();
		}
	}

	@Test
	void operatorsImportAndRevealButDoNotManageTheTenant() {
		assertThat(Role.OPERATOR.may(Permission.RUN_IMPORTS)).isTrue();
		assertThat(Role.OPERATOR.may(Permission.REVEAL_PERSONAL_DATA)).isTrue();
		assertThat(Role.OPERATOR.may(Permission.MANAGE_TENANT)).isFalse();
		assertThat(Role.OPERATOR.may(Permission.VIEW_AUDIT_LOG)).isFalse();
	}

	@Test
	void analystsOnlyReadAndSeeNothingInClear() {
		assertThat(Role.ANALYST.may(Permission.VIEW_OVERVIEW)).isTrue();
		assertThat(Role.ANALYST.may(Permission.VIEW_IMPORTS)).isTrue();
		assertThat(Role.ANALYST.may(Permission.RUN_IMPORTS)).isFalse();
		assertThat(Role.ANALYST.may(Permission.REVEAL_PERSONAL_DATA)).isFalse();
	}

	@Test
	void guidesOnlySeeCustomersMaskedAndTagThem() {
		assertThat(Arrays.stream(Permission.values()).filter(Role.GUIDE::may))
			.containsExactly(Permission.VIEW_CUSTOMERS, Permission.TAG_PERSONS);
	}

	@Test
	void analystsChangeNeitherTagsOnPersonsNorWeComRules() {
		assertThat(Role.ANALYST.may(Permission.TAG_PERSONS)).isFalse();
		assertThat(Role.ANALYST.may(Permission.MANAGE_WECOM)).isFalse();
		assertThat(Role.OPERATOR.may(Permission.MANAGE_WECOM)).isTrue();
	}

}
