/**
 * Shared kernel: small value types every module speaks (tenant ids, money, phone
 * numbers).
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package dev.siyu.shared;

import org.springframework.modulith.ApplicationModule;
