package org.hrmobility.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;

import org.hrmobility.gateway.GatewaySettings;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ReactorLoadBalancer;
import org.springframework.cloud.loadbalancer.core.RoundRobinLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;

/**
 * The instances of a service as configuration names them ({@code hrm.gateway.instances.<service>}), for Spring Cloud
 * LoadBalancer's {@code lb://<service>} routes (round robin): a fixed list, as on one machine; on Kubernetes a
 * Service balances instead and one URL is configured. The load balancer's configuration for every service (its
 * child context names the service): with no discovery client (none is used here) Spring Cloud LoadBalancer would
 * make neither the instance list nor the balancer.
 */
class ConfiguredInstances {

    /** Whether the service's routes balance over instances ({@code lb://}) rather than go to one URL. */
    static boolean balanced(GatewaySettings settings, String service) {
        return settings.instances().getOrDefault(service, List.of()).size() > 1;
    }

    /**
     * The configured instances, less those whose readiness probe does not answer UP (checked every
     * {@code spring.cloud.loadbalancer.health-check.interval}): a killed or restarting instance leaves the rotation
     * within a second instead of costing every other request a refused connection.
     */
    @Bean
    ServiceInstanceListSupplier instanceList(ConfigurableApplicationContext context, Environment env, GatewaySettings settings) {
        String service = env.getRequiredProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        List<ServiceInstance> instances = instances(service, settings.instances().getOrDefault(service, List.of()));
        ServiceInstanceListSupplier configured = new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return service;
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return Flux.just(instances);
            }
        };
        return ServiceInstanceListSupplier.builder().withBase(configured).withHealthChecks(WebClient.create()).build(context);
    }

    /** Round robin, as Spring Cloud LoadBalancer's own configuration would make it with a discovery client. */
    @Bean
    ReactorLoadBalancer<ServiceInstance> roundRobin(Environment env, LoadBalancerClientFactory factory) {
        String service = env.getRequiredProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        return new RoundRobinLoadBalancer(factory.getLazyProvider(service, ServiceInstanceListSupplier.class), service);
    }

    static List<ServiceInstance> instances(String service, List<String> urls) {
        return IntStream.range(0, urls.size()).<ServiceInstance>mapToObj(i -> {
            URI url = URI.create(urls.get(i).trim());
            return new DefaultServiceInstance(service + "-" + (i + 1), service, url.getHost(), url.getPort(),
                    "https".equals(url.getScheme()));
        }).toList();
    }
}
