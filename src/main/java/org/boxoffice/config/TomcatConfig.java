package org.boxoffice.config;

import org.apache.catalina.core.StandardHost;
import org.boxoffice.web.EnvelopeErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Requests Tomcat refuses on its own answer with the envelope too; an encoded slash in a path segment is passed
 * to the application (where it is simply an unknown id) instead of being refused.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfig implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
            }
        });
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
    }
}
