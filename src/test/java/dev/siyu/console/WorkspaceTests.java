package dev.siyu.console;

import java.util.List;

import dev.siyu.shared.TenantId;
import dev.siyu.tenant.Permission;
import dev.siyu.tenant.Role;
import dev.siyu.tenant.Tenant;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceTests {

	private static final Tenant BRAND = new Tenant(new TenantId(7), "acme", "Acme", false, null, false);

	@Test
	void aRoleWithoutThePermissionIsRefusedNamingWhatItMayNotDo() {
		Workspace analyst = workspace(Role.ANALYST);
		assertThatThrownBy(() -> analyst.require(Permission.REVEAL_PERSONAL_DATA))
			.isInstanceOf(AccessDeniedException.class)
			.hasMessage("role analyst may not reveal personal data");
		workspace(Role.OPERATOR).require(Permission.REVEAL_PERSONAL_DATA);
	}

	@Test
	void anonymousBuyersAccountKeysAreShownAsTheirKindAndPlatformIdsMasked() {
		assertThat(CustomerProfiles.displayedKey("phone:0a1b2c")).isEqualTo("(phone)");
		assertThat(CustomerProfiles.displayedKey("receiver:0a1b2c")).isEqualTo("(receiver)");
		assertThat(CustomerProfiles.displayedKey("tb_buyer_20240511")).isEqualTo("tb_***11");
	}

	@Test
	void namesAreSearchedAsTypedWithoutSurroundingOrRepeatedSpaces() {
		assertThat(ReceiverNames.normalized("  张 三 ")).isEqualTo("张 三");
		assertThat(ReceiverNames.normalized("John   Smith")).isEqualTo("John Smith");
		assertThat(ReceiverNames.normalized(null)).isEmpty();
	}

	private static Workspace workspace(Role role) {
		return new Workspace("someone", "Someone", BRAND, role, List.of(new Workspace.Choice(BRAND, role)),
				List.of(BRAND.id()), List.of(BRAND.id()));
	}

}
