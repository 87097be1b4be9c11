package org.boxoffice.config;

import java.util.List;
import org.boxoffice.partner.PartnerWebSupport;
import org.boxoffice.web.PageRequestResolver;
import org.boxoffice.web.WireEnumConverter;
import org.springframework.format.FormatterRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {
    private final PartnerWebSupport partnerSupport;
    private final PageRequestResolver pageRequests;

    WebConfig(PartnerWebSupport partnerSupport, PageRequestResolver pageRequests) {
        this.partnerSupport = partnerSupport;
        this.pageRequests = pageRequests;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new WireEnumConverter());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(partnerSupport);
        resolvers.add(pageRequests);
    }
}
