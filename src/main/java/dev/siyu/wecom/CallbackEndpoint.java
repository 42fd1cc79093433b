package dev.siyu.wecom;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts the callback servlet beside Spring MVC's dispatcher. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class CallbackEndpoint {

	@Bean
	CallbackServlet callbackServlet(Corps corps, EventLog eventLog) {
		return new CallbackServlet(corps, eventLog);
	}

	@Bean
	ServletRegistrationBean<CallbackServlet> wecomCallbacks(CallbackServlet servlet) {
		ServletRegistrationBean<CallbackServlet> registration = new ServletRegistrationBean<>(servlet,
				CallbackServlet.PATH + "*");
		registration.setName("wecomCallbacks");
		registration.setLoadOnStartup(1);
		return registration;
	}

	@Bean
	TomcatContextCustomizer wecomCallbacksBeforeFilters(CallbackServlet servlet) {
		return context -> context.getPipeline().addValve(new CallbackValve(servlet));
	}

}
