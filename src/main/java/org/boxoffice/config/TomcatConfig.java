package org.boxoffice.config;

import org.apache.catalina.core.StandardHost;
import org.boxoffice.web.EnvelopeErrorReportValve;
import org.boxoffice.web.ResponseBufferFilter;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Requests Tomcat refuses on its own answer with the envelope too. An encoded slash is passed on to Spring Security's
 * firewall, which refuses it like every other non-normalized path ({@code 400 VALIDATION_ERROR}, with the request id).
 * The socket write buffer matches the response buffer ({@code ResponseBufferFilter}), so an answer that fits is one
 * write to the socket instead of 8 KiB slices.
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
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setProperty("socket.appWriteBufSize", Integer.toString(ResponseBufferFilter.BYTES));
        });
    }
}
