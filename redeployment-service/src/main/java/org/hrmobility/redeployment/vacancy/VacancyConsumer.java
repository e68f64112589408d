package org.hrmobility.redeployment.vacancy;

import java.util.function.Consumer;

import org.hrmobility.contracts.recruitment.RecruitmentEvents;
import org.hrmobility.contracts.recruitment.VacancyPublished;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.inbox.Inbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import reactor.core.publisher.Mono;

/** Vacancies recruitment systems publish on {@code hrm.recruitment.vacancies}, stored as if published through the API. */
@Configuration(proxyBeanMethods = false)
class VacancyConsumer {

    static final String CONSUMER = "redeployment-vacancies";

    @Bean
    Consumer<Message<byte[]>> vacancies(Inbox inbox, VacancyService vacancies) {
        return message -> inbox.handleOnce(CONSUMER, message, event -> {
            if (!event.is(RecruitmentEvents.VACANCY_PUBLISHED)) {
                return Mono.empty();
            }
            VacancyPublished published = event.payload(RecruitmentEvents.VACANCY_PUBLISHED);
            return vacancies.store(published, new Actor(published.recruitmentSystem(), null));
        });
    }
}
