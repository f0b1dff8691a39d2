import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A password-like field with a show/hide button whose name says what it reveals. */
export const SecretField = forwardRef<HTMLInputElement, TextFieldProps & { secretName: string }>(function SecretField(
  { secretName, ...props },
  ref,
) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <TextField
      {...props}
      inputRef={ref}
      type={shown ? 'text' : 'password'}
      autoComplete="new-password"
      slotProps={{
        // The value may be set by code (Generate), which an uncontrolled input's label does not notice.
        inputLabel: { shrink: true },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <IconButton
                size="small"
                onClick={() => setShown((s) => !s)}
                aria-label={t(shown ? 'triggers.form.hideSecret' : 'triggers.form.showSecret', { name: secretName })}
              >
                {shown ? <VisibilityOffIcon fontSize="small" /> : <VisibilityIcon fontSize="small" />}
              </IconButton>
            </InputAdornment>
          ),
        },
      }}
    />
  );
});
