{{/* Names, labels and the per-workload settings shared by every template. */}}

{{- define "hrm.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "hrm.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains (include "hrm.name" .) .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "hrm.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* the labels of every object; hrm.commonLabels leaves out the instance, for objects that add their selector labels */}}
{{- define "hrm.commonLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: hrm
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{- define "hrm.labels" -}}
{{ include "hrm.commonLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* selector labels of one component: (dict "root" $ "component" "gateway") */}}
{{- define "hrm.selectorLabels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "hrm.image" -}}
{{- $root := .root -}}
{{- $tag := default $root.Chart.AppVersion $root.Values.image.tag -}}
{{- if $root.Values.image.registry -}}
{{- printf "%s/hrm/%s:%s" (trimSuffix "/" $root.Values.image.registry) .name $tag -}}
{{- else -}}
{{- printf "hrm/%s:%s" .name $tag -}}
{{- end -}}
{{- end -}}

{{- define "hrm.kafkaCluster" -}}
{{- default (printf "%s-kafka" (include "hrm.fullname" .)) .Values.kafka.clusterName -}}
{{- end -}}

{{- define "hrm.kafkaBootstrap" -}}
{{- default (printf "%s-kafka-bootstrap:%v" (include "hrm.kafkaCluster" .) .Values.kafka.listener.port) .Values.kafka.bootstrapServers -}}
{{- end -}}

{{- define "hrm.kafkaCaSecret" -}}
{{- default (printf "%s-cluster-ca-cert" (include "hrm.kafkaCluster" .)) .Values.kafka.caSecret -}}
{{- end -}}

{{/* the KafkaUser (and so the SCRAM user name and its Secret) of a service: (dict "root" $ "name" "mobility") */}}
{{- define "hrm.kafkaUser" -}}
{{- printf "%s-%s" (include "hrm.fullname" .root) .name -}}
{{- end -}}

{{/* the CloudNativePG cluster of a service: (dict "root" $ "name" "mobility") */}}
{{- define "hrm.pgCluster" -}}
{{- printf "%s-%s-db" (include "hrm.fullname" .root) .name -}}
{{- end -}}

{{/* one workload's settings: the defaults overlaid with its own (dict "root" $ "own" .Values.gateway) */}}
{{- define "hrm.settings" -}}
{{- $merged := mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy (default dict .own)) -}}
{{- toYaml $merged -}}
{{- end -}}

{{/* the OTLP and tracing variables every workload gets */}}
{{- define "hrm.observabilityEnv" -}}
{{- $o := .Values.observability -}}
- name: MANAGEMENT_OTLP_METRICS_EXPORT_ENABLED
  value: {{ $o.otlp.metricsEnabled | quote }}
{{- if $o.otlp.metricsUrl }}
- name: MANAGEMENT_OTLP_METRICS_EXPORT_URL
  value: {{ $o.otlp.metricsUrl | quote }}
{{- end }}
{{- if $o.otlp.tracesEndpoint }}
- name: MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT
  value: {{ $o.otlp.tracesEndpoint | quote }}
{{- end }}
- name: MANAGEMENT_TRACING_SAMPLING_PROBABILITY
  value: {{ $o.tracingSamplingProbability | quote }}
{{- end -}}

{{/* egress to the cluster DNS */}}
{{- define "hrm.dnsEgress" -}}
- to:
{{ toYaml .Values.networkPolicy.dns | indent 4 }}
  ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
{{- end -}}

