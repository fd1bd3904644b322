/** Who may see a document: the one select for uploading one and for changing it afterwards. */
import { useTranslation } from 'react-i18next';
import { Visibility as VisibilitySchema } from '../../api/index.ts';

export type Visibility = (typeof VisibilitySchema.options)[number];

export const VisibilitySelect = ({ id, value, onChange }: {
  readonly id: string;
  readonly value: Visibility;
  readonly onChange: (visibility: Visibility) => void;
}) => {
  const { t } = useTranslation();
  return (
    <select id={id} value={value} onChange={(e) => {
      const chosen = VisibilitySchema.safeParse(e.target.value);
      if (chosen.success) onChange(chosen.data);
    }}>
      {VisibilitySchema.options.map((v) => <option key={v} value={v}>{t(`console.documents.visibilities.${v}`)}</option>)}
    </select>
  );
};
