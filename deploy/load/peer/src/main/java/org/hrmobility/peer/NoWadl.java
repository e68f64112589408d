package org.hrmobility.peer;

import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/** No WADL description of the REST API: it would need JAXB, which the peer does not carry, and nobody reads it. */
@Component
class NoWadl implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }
}
