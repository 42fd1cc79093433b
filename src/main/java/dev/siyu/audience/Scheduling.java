package dev.siyu.audience;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Rule tags, dynamic audiences and the bitmap indexes are refreshed on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Scheduling {

}
