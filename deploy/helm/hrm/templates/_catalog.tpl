{{/*
  What each workload is, reads and writes: the architecture, not a setting. The topics and consumer groups are those
  of the services' application.yml (spring.cloud.stream.bindings); the dead-letter topic of a consumer is
  <topic>.<group>.dlq and the outbox relay's transactional id hrm-outbox-relay.<spring.application.name>
  (service kit). The tests of deploy/kubernetes check this against the contracts and the application.yml files.
*/}}
{{- define "hrm.catalog" -}}
gateway:
  application: gateway
  image: gateway
  component: gateway
console:
  # the web console: a backend-for-frontend behind the gateway (pages, login); no database, no Kafka
  application: console
  image: console
  component: console
mobility:
  application: mobility-service
  image: mobility-service
  database: mobility
  group: mobility
  consumes: [hrm.employees, hrm.workbench.events]
  produces: [hrm.mobility.events]
redeployment:
  application: redeployment-service
  image: redeployment-service
  database: redeployment
  group: redeployment
  consumes: [hrm.employees, hrm.recruitment.vacancies, hrm.workbench.events]
  produces: [hrm.redeployment.events]
evaluation:
  application: evaluation-service
  image: evaluation-service
  database: evaluation
  group: evaluation
  consumes: [hrm.employees, hrm.workbench.events]
  produces: [hrm.evaluation.events]
notification:
  application: notification-service
  image: notification-service
  database: notification
  group: notification
  consumes: [hrm.redeployment.events, hrm.evaluation.events, hrm.mobility.events, hrm.employees, hrm.workbench.events]
  produces: [hrm.workbench.events]
{{- end -}}

{{- define "hrm.serviceNames" -}}
[mobility, redeployment, evaluation, notification]
{{- end -}}

{{/* every workload: the gateway, the console and the services (a Deployment, Service, PDB, NetworkPolicy each) */}}
{{- define "hrm.workloadNames" -}}
[gateway, console, mobility, redeployment, evaluation, notification]
{{- end -}}
