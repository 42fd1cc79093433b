package dev.siyu.value;

import dev.siyu.shared.TenantId;

/** A tenant's value settings were changed: its scores follow them. */
public record ValueSettingsChanged(TenantId tenant) {
}
