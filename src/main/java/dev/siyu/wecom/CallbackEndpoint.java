package dev.siyu.wecom;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts the callback servlet beside Spring MVC's dispatcher. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class CallbackEndpoint {

	@Bean
	ServletRegistrationBean<CallbackServlet> wecomCallbacks(Corps corps, EventLog eventLog) {
		ServletRegistrationBean<CallbackServlet> registration = new ServletRegistrationBean<>(
				new CallbackServlet(corps, eventLog), CallbackServlet.PATH + "*");
		registration.setName("wecomCallbacks");
		registration.setLoadOnStartup(1);
		return registration;
	}

}
