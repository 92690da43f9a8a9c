#!/bin/sh
# One-shot: the `levante` namespace with its retention and every custom search attribute the workflows set
# (the `temporal-namespace` service of docker-compose.yml, run by temporalio/admin-tools once the server answers).
# The list mirrors domain/search-attributes.ts (test/config/compose.test.ts keeps them equal). Idempotent.
set -eu
NAMESPACE="${NAMESPACE:-levante}"
RETENTION="${RETENTION:-720h}"
ADDRESS="${TEMPORAL_ADDRESS:-temporal:7233}"
t() { temporal "$@" --address "$ADDRESS"; }

attempt=0
until t operator cluster health >/dev/null 2>&1; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 60 ]; then echo "Temporal at ${ADDRESS} is not healthy"; exit 1; fi
  sleep 2
done

if t operator namespace describe --namespace "$NAMESPACE" >/dev/null 2>&1; then
  t operator namespace update --namespace "$NAMESPACE" --retention "$RETENTION"
else
  t operator namespace create --namespace "$NAMESPACE" --retention "$RETENTION"
fi

# A namespace created just now takes a few seconds to reach the frontend's cache.
attempt=0
until existing=$(t operator search-attribute list --namespace "$NAMESPACE" -o json 2>/dev/null); do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 60 ]; then echo "Namespace ${NAMESPACE} did not become available"; exit 1; fi
  sleep 2
done

for attribute in \
  DamNumber=Keyword ClientRuc=Keyword Regime=Keyword Channel=Keyword Terminal=Keyword DispatchStatus=Keyword \
  NextDeadlineClock=Keyword ExecutiveId=Keyword PartnerId=Keyword CustomsOffice=Keyword \
  NextDeadlineAt=Datetime AtRisk=Bool Overdue=Bool; do
  name="${attribute%%=*}"
  if printf '%s' "$existing" | grep -q "\"${name}\""; then continue; fi
  t operator search-attribute create --namespace "$NAMESPACE" --name "$name" --type "${attribute#*=}"
done
echo "Namespace ${NAMESPACE} is ready."
