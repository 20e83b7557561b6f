'use client';

import { useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { fieldId } from '@/app/_components/error-summary';
import { SelectField, TextAreaField, TextField } from '@/app/_components/form-fields';
import { PURPOSES, PURPOSE_CODES } from '@/lib/domain/legal';
import { isCameraRegime, maskingReference, openingsToMask } from '@/lib/domain/regimes';
import { useLocale, useTranslations } from 'next-intl';
import { proposalDraftSchema, proposalSubmitSchemaNear, type ProposalFormInput, type ProposalFormValues } from '@/lib/validation/proposals';
import { CameraMap } from '../../_components/camera-map';
import { useTwoStepForm } from '../../_components/two-step-form';
import { saveProposalAction, submitProposalAction } from '../../actions';
import { CAMERA_PLACEMENTS, CAMERA_REGIMES, CAMERA_TYPES, CAMERA_ZONES, OPENINGS, type Opening } from '@/lib/domain/vocabulary';

interface Props {
  proposalId: string;
  revision: number;
  defaultValues: ProposalFormInput;
  sites: { id: string; name: string; latitude: number; longitude: number }[];
}

const emptyCamera = (): NonNullable<ProposalFormInput['cameras']>[number] => ({
  latitude: '',
  longitude: '',
  placement: '',
  regime: '',
  zone: '',
  filmsPublicRoad: false,
  type: '',
  mount: '',
  directionDegrees: '',
  angleDegrees: '',
  openingsInView: [],
  maskingPlanned: false,
  maskingDescription: '',
});

/** Where the error summary sends each field path: the input, or the first box of a group. */
function idFor(path: string): string {
  if (path === 'cameras') return 'add-camera';
  if (path === 'purposes' || path.startsWith('purposes.')) return `purpose-${PURPOSE_CODES[0]}`;
  const regime = /^cameras\.(\d+)\.regime$/.exec(path);
  if (regime) return `cameras-${regime[1]}-regime-${CAMERA_REGIMES[0]}`;
  const opening = /^cameras\.(\d+)\.openingsInView/.exec(path);
  if (opening) return `cameras-${opening[1]}-opening-${OPENINGS[0]}`;
  return fieldId(path);
}

/**
 * The technician's proposal, checked in the browser with the server's own schemas: the
 * draft schema to save, the submission schema (rules 1–4 included) to submit. The server
 * checks everything again; its field messages land on the same fields.
 */
export function ProposalForm({ proposalId, revision: initialRevision, defaultValues, sites }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const [revision, setRevision] = useState(initialRevision);
  const [selectedCamera, setSelectedCamera] = useState(0);
  // A site's position, for the submission check (each camera lies near its site); the first site when none is chosen yet, as the map shows.
  const positionOf = (siteId: string | undefined) => {
    const chosen = sites.find((s) => s.id === siteId) ?? sites[0];
    return chosen ? { latitude: chosen.latitude, longitude: chosen.longitude } : undefined;
  };
  const { form, submit, messageOf, pending, alerts } = useTwoStepForm<ProposalFormInput, ProposalFormValues>({
    defaultValues,
    lenient: proposalDraftSchema,
    // The site chosen in the values being checked: the cameras must lie near it.
    strict: (values) => proposalSubmitSchemaNear(positionOf(values.siteId)),
    idFor,
    async send(values, final) {
      const payload = { ...values, proposalId, revision };
      const result = final ? await submitProposalAction(payload) : await saveProposalAction(payload);
      if (result.ok && result.revision) setRevision(result.revision);
      return result;
    },
  });
  const { register, control, setValue } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'cameras' });

  const siteId = useWatch({ control, name: 'siteId' });
  const site = sites.find((s) => s.id === siteId) ?? sites[0];
  const cameras = useWatch({ control, name: 'cameras' }) ?? [];
  const numberField = (value: unknown) => (value === '' || value === null || value === undefined ? null : Number(String(value).replace(',', '.')));
  const required = t('common.required');

  return (
    <form noValidate onSubmit={(e) => e.preventDefault()}>
      {alerts}

      <p>{t('common.requiredFieldsNote')}</p>
      <SelectField id="siteId" label={t('proposals.site')} required requiredLabel={required} error={messageOf('siteId')} {...register('siteId')}>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <TextField id="title" label={t('proposals.titleField')} hint={t('proposals.titleHint')} required requiredLabel={required} error={messageOf('title')} {...register('title')} />

      <h2>{t('proposals.camerasTitle')}</h2>
      {site ? (
        <CameraMap
          center={{ latitude: site.latitude, longitude: site.longitude }}
          cameras={cameras.map((c, i) => ({
            latitude: numberField(c?.latitude),
            longitude: numberField(c?.longitude),
            directionDegrees: numberField(c?.directionDegrees),
            label: t('proposals.camera', { n: i + 1 }),
          }))}
          selectedIndex={selectedCamera}
          onPlace={(index, latitude, longitude) => {
            setValue(`cameras.${index}.latitude`, String(latitude).replace('.', locale === 'fr' ? ',' : '.'), { shouldDirty: true });
            setValue(`cameras.${index}.longitude`, String(longitude).replace('.', locale === 'fr' ? ',' : '.'), { shouldDirty: true });
          }}
          labels={{
            region: t('proposals.mapRegion'),
            instructions: t('proposals.mapInstructions'),
            placing: t('proposals.mapPlacing', { n: selectedCamera + 1 }),
            tilesAttribution: t.markup('proposals.mapAttribution', { link: (chunks) => `<a href="https://www.openstreetmap.org/copyright">${chunks}</a>` }),
            zoomIn: t('proposals.zoomIn'),
            zoomOut: t('proposals.zoomOut'),
          }}
        />
      ) : null}
      {messageOf('cameras') ? (
        <p className="error-text" role="alert">
          {messageOf('cameras')}
        </p>
      ) : null}
      {fields.length === 0 ? <p>{t('proposals.noCamera')}</p> : null}
      {fields.map((field, i) => {
        const n = i + 1;
        const id = (name: string) => `cameras-${i}-${name}`;
        return (
          <fieldset key={field.id} className="camera-fieldset">
            <legend>{t('proposals.camera', { n })}</legend>
            <div className="field-row">
              <TextField id={id('latitude')} label={t('proposals.latitude')} hint={t('proposals.coordinateHint')} inputMode="decimal" required requiredLabel={required} error={messageOf(`cameras.${i}.latitude`)} {...register(`cameras.${i}.latitude`)} />
              <TextField id={id('longitude')} label={t('proposals.longitude')} hint={t('proposals.longitudeHint')} inputMode="decimal" required requiredLabel={required} error={messageOf(`cameras.${i}.longitude`)} {...register(`cameras.${i}.longitude`)} />
            </div>
            <p>
              <button type="button" className="secondary" aria-pressed={selectedCamera === i} onClick={() => setSelectedCamera(i)}>
                {t('proposals.placeOnMap', { n })}
              </button>
            </p>
            <fieldset className="field" aria-describedby={`${id('regime')}-hint${messageOf(`cameras.${i}.regime`) ? ` ${id('regime')}-error` : ''}`}>
              <legend>
                {t('proposals.regime')} <abbr title={required}>*</abbr>
              </legend>
              <span className="hint" id={`${id('regime')}-hint`}>
                {t('proposals.regimeHint')}
              </span>
              {messageOf(`cameras.${i}.regime`) ? (
                <span className="error-text" id={`${id('regime')}-error`}>
                  {messageOf(`cameras.${i}.regime`)}
                </span>
              ) : null}
              {CAMERA_REGIMES.map((r) => (
                <label key={r} className="checkbox" htmlFor={id(`regime-${r}`)}>
                  <input type="radio" id={id(`regime-${r}`)} value={r} {...register(`cameras.${i}.regime`)} /> {t(`proposals.regimes.${r}`)}
                </label>
              ))}
              {isCameraRegime(cameras[i]?.regime) ? (
                <p className="hint" aria-live="polite">
                  {t(`proposals.regimeConsequences.${cameras[i].regime}`)}
                </p>
              ) : null}
            </fieldset>
            <div className="field-row">
              <SelectField id={id('placement')} label={t('proposals.placement')} required requiredLabel={required} error={messageOf(`cameras.${i}.placement`)} {...register(`cameras.${i}.placement`)}>
                <option value="">{t('common.choose')}</option>
                {CAMERA_PLACEMENTS.map((p) => (
                  <option key={p} value={p}>
                    {t(`proposals.placements.${p}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField id={id('type')} label={t('proposals.cameraType')} required requiredLabel={required} error={messageOf(`cameras.${i}.type`)} {...register(`cameras.${i}.type`)}>
                <option value="">{t('common.choose')}</option>
                {CAMERA_TYPES.map((c) => (
                  <option key={c} value={c}>
                    {t(`proposals.cameraTypes.${c}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <SelectField id={id('zone')} label={t('proposals.zone')} hint={t('proposals.zoneHint')} error={messageOf(`cameras.${i}.zone`)} {...register(`cameras.${i}.zone`)}>
              <option value="">{t('proposals.zoneUnsaid')}</option>
              {CAMERA_ZONES.map((z) => (
                <option key={z} value={z}>
                  {t(`proposals.zones.${z}`)}
                </option>
              ))}
            </SelectField>
            <div className="field">
              {messageOf(`cameras.${i}.filmsPublicRoad`) ? (
                <span className="error-text" id={`${id('filmsPublicRoad')}-error`}>
                  {messageOf(`cameras.${i}.filmsPublicRoad`)}
                </span>
              ) : null}
              <label className="checkbox" htmlFor={id('filmsPublicRoad')}>
                <input
                  type="checkbox"
                  id={id('filmsPublicRoad')}
                  aria-invalid={messageOf(`cameras.${i}.filmsPublicRoad`) ? true : undefined}
                  aria-describedby={messageOf(`cameras.${i}.filmsPublicRoad`) ? `${id('filmsPublicRoad')}-error` : undefined}
                  {...register(`cameras.${i}.filmsPublicRoad`)}
                />{' '}
                {t('proposals.filmsPublicRoad')}
              </label>
            </div>
            <TextField id={id('mount')} label={t('proposals.mount')} hint={t('proposals.mountHint')} required requiredLabel={required} error={messageOf(`cameras.${i}.mount`)} {...register(`cameras.${i}.mount`)} />
            <div className="field-row">
              <TextField id={id('directionDegrees')} label={t('proposals.direction')} hint={t('proposals.directionHint')} inputMode="numeric" required requiredLabel={required} error={messageOf(`cameras.${i}.directionDegrees`)} {...register(`cameras.${i}.directionDegrees`)} />
              <TextField id={id('angleDegrees')} label={t('proposals.angle')} hint={t('proposals.angleHint')} inputMode="numeric" required requiredLabel={required} error={messageOf(`cameras.${i}.angleDegrees`)} {...register(`cameras.${i}.angleDegrees`)} />
            </div>
            <fieldset className="field" aria-describedby={`${id('openings')}-hint`}>
              <legend>{t('proposals.openingsInView')}</legend>
              <span className="hint" id={`${id('openings')}-hint`}>
                {t('proposals.openingsHint')}
              </span>
              {OPENINGS.map((o) => (
                <label key={o} className="checkbox" htmlFor={id(`opening-${o}`)}>
                  <input type="checkbox" id={id(`opening-${o}`)} value={o} {...register(`cameras.${i}.openingsInView`)} /> {t(`proposals.openings.${o}`)}
                </label>
              ))}
              <MaskingAdvice regime={cameras[i]?.regime} inView={cameras[i]?.openingsInView} />
            </fieldset>
            <div className="field">
              {messageOf(`cameras.${i}.maskingPlanned`) ? (
                <span className="error-text" id={`${id('maskingPlanned')}-error`}>
                  {messageOf(`cameras.${i}.maskingPlanned`)}
                </span>
              ) : null}
              <label className="checkbox" htmlFor={id('maskingPlanned')}>
                <input
                  type="checkbox"
                  id={id('maskingPlanned')}
                  aria-invalid={messageOf(`cameras.${i}.maskingPlanned`) ? true : undefined}
                  aria-describedby={messageOf(`cameras.${i}.maskingPlanned`) ? `${id('maskingPlanned')}-error` : undefined}
                  {...register(`cameras.${i}.maskingPlanned`)}
                />{' '}
                {t('proposals.maskingPlanned')}
              </label>
            </div>
            <TextAreaField id={id('maskingDescription')} label={t('proposals.maskingDescription')} hint={t('proposals.maskingHint')} rows={2} error={messageOf(`cameras.${i}.maskingDescription`)} {...register(`cameras.${i}.maskingDescription`)} />
            <button
              type="button"
              className="secondary"
              onClick={() => {
                remove(i);
                setSelectedCamera(0);
              }}
            >
              {t('proposals.removeCamera', { n })}
            </button>
          </fieldset>
        );
      })}
      <p>
        <button
          type="button"
          id="add-camera"
          className="secondary"
          onClick={() => {
            append(emptyCamera());
            setSelectedCamera(fields.length);
          }}
        >
          {t('proposals.addCamera')}
        </button>
      </p>

      <h2>{t('proposals.purposesTitle')}</h2>
      <fieldset className="field" aria-describedby="purposes-hint">
        <legend>{t('proposals.purposesTitle')}</legend>
        <span className="hint" id="purposes-hint">
          {t('proposals.purposesHint')}
        </span>
        {messageOf('purposes') ? (
          <span className="error-text" role="alert">
            {messageOf('purposes')}
          </span>
        ) : null}
        {PURPOSE_GROUPS.map(({ key, codes }) => (
          <fieldset key={key} className="field">
            <legend>{t(`proposals.purposeGroups.${key}`)}</legend>
            {codes.map((code) => (
              <label key={code} className="checkbox" htmlFor={`purpose-${code}`}>
                <input type="checkbox" id={`purpose-${code}`} value={code} {...register('purposes')} /> {t(`purposes.${code}`)}
              </label>
            ))}
          </fieldset>
        ))}
      </fieldset>

      <h2>{t('proposals.retentionTitle')}</h2>
      <TextField id="retentionDays" label={t('proposals.retentionDays')} hint={t('proposals.retentionHint')} inputMode="numeric" required requiredLabel={required} error={messageOf('retentionDays')} {...register('retentionDays')} />
      <TextAreaField id="retentionJustification" label={t('proposals.retentionJustification')} rows={3} error={messageOf('retentionJustification')} {...register('retentionJustification')} />
      <TextAreaField id="viewers" label={t('proposals.viewers')} rows={2} required requiredLabel={required} error={messageOf('viewers')} {...register('viewers')} />

      <h2>{t('proposals.signageTitle')}</h2>
      <p className="hint" id="signage-hint">
        {t('proposals.signageHint')}
      </p>
      <div className="field">
        {messageOf('signage.pictogram') ? (
          <span className="error-text" id="signage-pictogram-error">
            {messageOf('signage.pictogram')}
          </span>
        ) : null}
        <label className="checkbox" htmlFor="signage-pictogram">
          <input
            type="checkbox"
            id="signage-pictogram"
            aria-invalid={messageOf('signage.pictogram') ? true : undefined}
            aria-describedby={messageOf('signage.pictogram') ? 'signage-pictogram-error' : undefined}
            {...register('signage.pictogram')}
          />{' '}
          {t('proposals.signage.pictogram')}
        </label>
      </div>
      {(['controller', 'telephone', 'purposes', 'retention', 'rights', 'contact', 'complaint'] as const).map((f) => (
        <TextField
          key={f}
          id={`signage-${f}`}
          label={t(`proposals.signage.${f}`)}
          required
          requiredLabel={required}
          inputMode={f === 'telephone' ? 'tel' : undefined}
          autoComplete={f === 'telephone' ? 'off' : undefined}
          error={messageOf(`signage.${f}`)}
          {...register(`signage.${f}`)}
        />
      ))}

      <h2>{t('proposals.costsTitle')}</h2>
      <div className="field-row">
        <TextField id="investmentEuros" label={t('proposals.investmentEuros')} hint={t('proposals.euroHint')} inputMode="numeric" required requiredLabel={required} error={messageOf('investmentEuros')} {...register('investmentEuros')} />
        <TextField id="yearlyCostEuros" label={t('proposals.yearlyCostEuros')} hint={t('proposals.euroHint')} inputMode="numeric" required requiredLabel={required} error={messageOf('yearlyCostEuros')} {...register('yearlyCostEuros')} />
      </div>
      <TextAreaField id="justification" label={t('proposals.justification')} rows={5} required requiredLabel={required} error={messageOf('justification')} {...register('justification')} />

      <div className="form-actions">
        <button type="submit" className="secondary" disabled={pending} onClick={(event) => submit(false, event)}>
          {t('proposals.saveDraft')}
        </button>
        <button type="submit" disabled={pending} onClick={(event) => submit(true, event)} aria-describedby="submit-help">
          {t('proposals.submit')}
        </button>
        <span className="hint" id="submit-help">
          {t('proposals.submitHelp')}
        </span>
      </div>
    </form>
  );
}

/** The purposes by the regimes they serve: the street's list, the open place's own clause, the landlord's. */
const PURPOSE_GROUPS = [
  { key: 'public_road', codes: PURPOSES.filter((p) => p.regimes.length === 2).map((p) => p.code) },
  { key: 'open_to_public', codes: PURPOSES.filter((p) => p.regimes.length === 1 && p.regimes[0] === 'open_to_public').map((p) => p.code) },
  { key: 'private_common_area', codes: PURPOSES.filter((p) => p.regimes.length === 1 && p.regimes[0] === 'private_common_area').map((p) => p.code) },
] as const;

/** What the camera's regime says must be masked among what is ticked, and under which text. */
function MaskingAdvice({ regime, inView }: { regime: unknown; inView: unknown }) {
  const t = useTranslations();
  if (!isCameraRegime(regime) || !Array.isArray(inView) || inView.length === 0) return null;
  const toMask = openingsToMask(regime, inView as Opening[]);
  const citation = maskingReference(regime).citation;
  return (
    <p className="hint" aria-live="polite">
      {toMask.length ? t('proposals.toMask', { openings: toMask.map((o) => t(`proposals.openings.${o}`)).join(', '), citation }) : t('proposals.nothingToMask', { citation })}
    </p>
  );
}
