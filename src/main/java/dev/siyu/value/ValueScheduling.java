package dev.siyu.value;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The nightly lifetime-value fits run on Spring's scheduler. */
@Configuration
@EnableScheduling
class ValueScheduling {

}
